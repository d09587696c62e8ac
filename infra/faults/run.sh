#!/usr/bin/env bash
# The fault harness: starts the local stack with its fault control on ports of its own (18080…), runs
# R1–R10 of issue 11 against it under load, and writes target/fault-report.md. Exit 0 = every scenario
# passed. Options: --smoke (R3 and R8, a few sessions: CI), --full (the issue's sizes), --scenarios=R1,R7,
# --sessions=N, --concurrency=N, --stack=FILE (use the stack infra/smoke.sh started instead of starting one).
# Skip the build with SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "Building Hirepipe and the harness (SKIP_BUILD=1 skips it)…"
  ./mvnw -B -q -ntp -DskipTests package -pl infra/faults -am
fi
exec java -Xmx512m -XX:+UseSerialGC -Dhirepipe.repo-dir="$PWD" -jar infra/faults/target/faults.jar "$@"
