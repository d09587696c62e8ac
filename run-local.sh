#!/usr/bin/env bash
# Runs the whole Hirepipe pipeline on this machine, no Docker needed: embedded Kafka, MongoDB,
# Redis and an SMTP sink, plus the five services as separate JVMs. Ctrl-C stops everything.
# Options: ./run-local.sh --help   (skip the build with SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")"

if [ "${1:-}" != "--help" ] && [ "${1:-}" != "-h" ] && [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "Building Hirepipe (about a minute; SKIP_BUILD=1 skips it)…"
  ./mvnw -B -q -ntp -DskipTests package
fi
exec java -Xmx768m -XX:+UseParallelGC -Dhirepipe.repo-dir="$PWD" -jar infra/local-stack/target/local-stack.jar "$@"
