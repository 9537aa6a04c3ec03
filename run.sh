#!/usr/bin/env bash
# Runs the whole BackRelief system locally: ./run.sh [up|stop [service|kafka]|start|restart <service|kafka>|status|token <user> [role...]|help]
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
case "${1:-up}" in
  help|--help|-h)
    if [ ! -f "$STACK_JAR" ]; then
      echo "Usage: ./run.sh [up | stop [service|kafka] | start <service|kafka> | restart <service|kafka> | status | token <user> [role...] | help]"
      echo "The first ./run.sh builds everything (a few minutes); ./run.sh help then prints the full help."
      exit 0
    fi ;;
esac
if [ "${1:-up}" = "up" ] && [ "$needs_build" = true ]; then
  # One line per module as it completes, with its time, so that the first build reads as work, not a hang.
  echo "Building BackRelief: first run only, about 4-5 minutes on a 2-core laptop (later runs start at once)."
  echo "Full build log: target/first-build.log"
  mkdir -p target
  build_start=$SECONDS
  module=""
  module_start=$SECONDS
  finish_module() {
    if [ -n "$module" ]; then
      printf '  %-40s %4ds   (%ds so far)\n' "$module" $((SECONDS - module_start)) $((SECONDS - build_start))
    fi
  }
  set +e
  ./mvnw -B -ntp install -DskipTests 2>&1 | tee target/first-build.log | while IFS= read -r line; do
    case "$line" in
      "[INFO] Building "*"["[0-9]*"/"[0-9]*"]")
        finish_module
        module="$(echo "$line" | sed -E 's/^\[INFO\] Building (BackRelief :: )?//; s/ [0-9][^ ]*-SNAPSHOT.*$//; s/ +\[[0-9]+\/[0-9]+\]$//')"
        module_start=$SECONDS ;;
      "[INFO] BUILD SUCCESS"*)
        finish_module
        echo "Built in $((SECONDS - build_start)) s." ;;
      "[INFO] BUILD FAILURE"*|"[ERROR]"*)
        echo "$line" ;;
    esac
  done
  build_status=${PIPESTATUS[0]}
  set -e
  if [ "$build_status" -ne 0 ]; then
    echo "error: the build failed; see target/first-build.log" >&2
    exit 1
  fi
fi
if [ ! -f "$STACK_JAR" ]; then
  echo "error: $STACK_JAR is missing; build it with ./mvnw install -DskipTests" >&2
  exit 2
fi

# The launcher JVM hosts Kafka and MongoDB: a class-data archive of what it loads (Kafka's broker alone is thousands
# of classes) is recorded when a stack stops and used by the next "up" (Java 17: ArchiveClassesAtExit); a rebuilt
# launcher records it again. Only "up" records: the short commands load little. The services get the same
# (StackSettings#archiveDir). BACKRELIEF_CDS=off: none recorded, the services use the build's AppCDS archive.
LAUNCHER_CDS=()
if [ "${1:-up}" = "up" ] && [ "${BACKRELIEF_CDS:-on}" != "off" ]; then
  LAUNCHER_ARCHIVE="deploy/local/target/launcher-cds.jsa"
  if [ -f "$LAUNCHER_ARCHIVE" ] && [ -z "$(find deploy/local/target -maxdepth 2 -newer "$LAUNCHER_ARCHIVE" \( -name '*.jar' \) -print -quit)" ]; then
    LAUNCHER_CDS=(-XX:SharedArchiveFile="$LAUNCHER_ARCHIVE")
  else
    rm -f "$LAUNCHER_ARCHIVE"
    LAUNCHER_CDS=(-XX:ArchiveClassesAtExit="$LAUNCHER_ARCHIVE")
  fi
  LAUNCHER_CDS+=("-Xlog:cds*=off")
fi

# The log manager is named on the command line: set from the launcher's code it came too late for the JDK's own
# logging, which printed "ERROR: The LogManager accessed before the java.util.logging.manager property was set".
exec java -Xms64m -Xmx768m -XX:+UseSerialGC ${LAUNCHER_CDS[@]+"${LAUNCHER_CDS[@]}"} \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dbackrelief.repository.root="$ROOT" -jar "$STACK_JAR" "$@"
