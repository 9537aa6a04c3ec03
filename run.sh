#!/usr/bin/env bash
# Runs the whole BackRelief system locally: ./run.sh [up|stop|status|token <user> [role...]]
# Needs only a JDK 17+; builds what is missing on first use.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

if ! command -v java >/dev/null 2>&1; then
  echo "error: BackRelief needs a JDK 17 or newer, and 'java' is not on the PATH." >&2
  exit 2
fi
JAVA_MAJOR="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1)"
if [ -z "$JAVA_MAJOR" ] || [ "$JAVA_MAJOR" -lt 17 ]; then
  echo "error: BackRelief needs a JDK 17 or newer; found Java ${JAVA_MAJOR:-unknown}." >&2
  exit 2
fi

STACK_JAR="deploy/local/target/backrelief-local-stack.jar"
needs_build=false
[ -f "$STACK_JAR" ] || needs_build=true
for service in catalog-service planner-service tracking-service gateway; do
  [ -f "$service/target/quarkus-app/quarkus-run.jar" ] || needs_build=true
done
if [ "${1:-up}" = "up" ] && [ "$needs_build" = true ]; then
  echo "Building BackRelief (first run; later runs start at once)..."
  ./mvnw -B -q -ntp install -DskipTests
fi
if [ ! -f "$STACK_JAR" ]; then
  echo "error: $STACK_JAR is missing; build it with ./mvnw install -DskipTests" >&2
  exit 2
fi

exec java -Xms64m -Xmx768m -XX:+UseSerialGC -Dbackrelief.repository.root="$ROOT" -jar "$STACK_JAR" "$@"
