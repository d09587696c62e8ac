#!/usr/bin/env bash
# Both harness smokes on ONE started local stack (CI runs this after verify): the stack starts once
# (production JIT, the gateway's perf limit profile, the fault control), then
#   infra/perf/run.sh --smoke     a few seconds of each load scenario P1-P8   -> target/perf-report.md
#   infra/faults/run.sh --smoke   fault scenarios R3 and R8, a few sessions   -> target/fault-report.md
# attach to it (--stack=FILE), and it is stopped at the end. Exit 0 only when both pass.
# SKIP_BUILD=1 skips the build when the jars are there. Needs wrk (apt-get install -y wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
if [ "${SKIP_BUILD:-0}" != "1" ] || [ ! -f infra/perf/target/perf.classpath ] || [ ! -f infra/faults/target/faults.jar ] \
    || [ ! -d infra/stack-launcher/target/classes ] || [ ! -f infra/local-stack/target/local-stack.jar ]; then
  echo "Building Hirepipe and both harnesses (SKIP_BUILD=1 skips it)…"
  ./mvnw -B -q -ntp -DskipTests package
fi
work="$PWD/target/smoke"
description="$work/stack.properties"
mkdir -p "$work"
rm -f "$description"
java -Xmx64m -XX:+UseSerialGC -Dhirepipe.repo-dir="$PWD" -cp infra/stack-launcher/target/classes \
  io.hirepipe.stacklauncher.SharedStack --describe-to="$description" --work-dir="$work" >"$work/launcher.log" 2>&1 &
launcher=$!
# SIGTERM to the launcher: its shutdown hook stops the stack (services first, then the infrastructure)
stop_stack() { kill "$launcher" 2>/dev/null || true; wait "$launcher" 2>/dev/null || true; rm -f "$description"; }
trap stop_stack EXIT
echo "[smoke $(date -u +%T)] starting the shared local stack (log: $work/stack.log)"
until [ -f "$description" ]; do
  if ! kill -0 "$launcher" 2>/dev/null; then
    echo "[smoke] the local stack did not start:"; tail -40 "$work/launcher.log"; exit 1
  fi
  if [ $(( $(date +%s) - started )) -gt 660 ]; then
    echo "[smoke] the local stack was not ready within 11 minutes"; exit 1
  fi
  sleep 1
done
echo "[smoke $(date -u +%T)] stack ready after $(( $(date +%s) - started )) s"
status=0
perf_started=$(date +%s)
if SKIP_BUILD=1 infra/perf/run.sh --smoke --stack="$description"; then perf=pass; else perf=FAILED; status=1; fi
faults_started=$(date +%s)
if SKIP_BUILD=1 infra/faults/run.sh --smoke --stack="$description"; then faults=pass; else faults=FAILED; status=1; fi
ended=$(date +%s)
echo "[smoke $(date -u +%T)] load smoke: $perf ($(( faults_started - perf_started )) s, target/perf-report.md); fault smoke: $faults" \
  "($(( ended - faults_started )) s, target/fault-report.md); $(( ended - started )) s in all, one stack start included"
exit $status
