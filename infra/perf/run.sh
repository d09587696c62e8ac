#!/usr/bin/env bash
# One command for load: starts the local stack (production JIT, the gateway's perf limit profile) on free
# loopback ports, warms up, runs P1-P8 bounded in time and count, and writes target/perf-report.md.
#   infra/perf/run.sh            full run (about 25 minutes on 2 cores)
#   infra/perf/run.sh --smoke    a few seconds per scenario: proves the harness works (CI runs this)
#   infra/perf/run.sh --instances N   passed to the local stack, where it supports it
#   infra/perf/run.sh --scenarios=P4,P7   only these scenarios (P1-P3 run together; P8 is always read)
#   infra/perf/run.sh --smoke --stack=FILE   on the stack infra/smoke.sh started (both smokes share it; CI)
# Needs wrk (apt-get install -y wrk). SKIP_BUILD=1 skips the build when the jars are there.
# PERF_SERVICE_JVM_OPTIONS overrides the services' JVM options ("-Xms128m -Xmx512m -XX:+UseSerialGC -XX:NewRatio=1").
# PERF_GATEWAY_JVM_OPTIONS adds to them for the gateways alone (the stack's and P1-P3's), after them.
# PERF_STACK_JVM_OPTIONS overrides the stack JVM's (Kafka, MongoDB-compatible server, Redis, SMTP sink): "-Xmx768m -XX:+UseParallelGC".
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v wrk >/dev/null 2>&1; then
  echo "perf: wrk is needed (apt-get install -y wrk)" >&2
  exit 2
fi
if [ "${SKIP_BUILD:-0}" != "1" ] || [ ! -f infra/perf/target/perf.classpath ] \
    || [ ! -f infra/local-stack/target/local-stack.jar ]; then
  echo "Building Hirepipe and the load harness (SKIP_BUILD=1 skips it)…"
  # one reactor build: the jars the stack starts, and the harness's class path (infra/perf/target/perf.classpath)
  ./mvnw -B -q -ntp -DskipTests package
fi
exec java -Xmx512m -Dhirepipe.repo-dir="$PWD" \
  -cp "infra/perf/target/classes:$(cat infra/perf/target/perf.classpath)" io.hirepipe.perf.PerfRun "$@"
