#!/usr/bin/env bash
# Runs the BackRelief benchmark: support/bench/run.sh [--quick|--medium|--full] [--out=DIR] [--name=value...]
# Builds what is missing (the services and this harness), starts the real system on free ports with fresh data,
# measures, prints one table and writes support/bench/target/bench/results.json. --help lists the options.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/../.." && pwd)"
cd "$ROOT"

if ! command -v java >/dev/null 2>&1; then
  echo "error: the benchmark needs a JDK 17 or newer, and 'java' is not on the PATH." >&2
  exit 2
fi
JAVA_MAJOR="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1)"
if [ -z "$JAVA_MAJOR" ] || [ "$JAVA_MAJOR" -lt 17 ]; then
  echo "error: the benchmark needs a JDK 17 or newer; found Java ${JAVA_MAJOR:-unknown}." >&2
  exit 2
fi

# One Maven build at a time on a shared machine: take the lock when flock is there.
mvn() {
  if command -v flock >/dev/null 2>&1; then
    flock /tmp/backrelief-maven.lock ./mvnw -B -q -ntp "$@"
  else
    ./mvnw -B -q -ntp "$@"
  fi
}

BENCH_JAR="support/bench/target/backrelief-bench.jar"
for service in catalog-service planner-service tracking-service gateway; do
  if [ ! -f "$service/target/quarkus-app/quarkus-run.jar" ]; then
    echo "Building BackRelief (a service is not built yet)..."
    mvn install -DskipTests
    break
  fi
done
if [ ! -f "$BENCH_JAR" ]; then
  echo "Building the benchmark harness..."
  mvn -f support/bench/pom.xml install -DskipTests
fi

# The load generator gets its own heap and GC threads; the stack's JVMs are sized by the harness.
exec java -Xms512m -Xmx2g -XX:+UseParallelGC -Dbackrelief.repository.root="$ROOT" -jar "$BENCH_JAR" "$@"
