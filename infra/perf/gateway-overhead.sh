#!/usr/bin/env bash
# What the gateway costs on one cheap authenticated GET, in one run: direct to question-service,
# through a gateway with rate limits and breakers on (perf profile) and with both off.
# Needs wrk (apt-get install -y wrk). Not part of `verify`: it takes about five minutes.
# Knobs: BENCH_CONNECTIONS (32), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (30), BENCH_ROUNDS (6),
#        BENCH_JVM_OPTS ("-Xms256m -Xmx384m -XX:+UseSerialGC", the same for every server), SKIP_BUILD=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${SKIP_BUILD:-0}" != "1" ] || [ ! -f gateway/target/bench.classpath ]; then
  # Jars for the servers, compiled test sources and their class path for the driver, in one reactor build.
  ./mvnw -B -q -ntp -pl gateway,question-service -am package -DskipTests \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
exec java -Xmx256m -Dhirepipe.repo-dir="$PWD" \
  -cp "gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/bench.classpath)" \
  io.hirepipe.gateway.perf.GatewayOverheadBenchmark
