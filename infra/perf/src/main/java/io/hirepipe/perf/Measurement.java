package io.hirepipe.perf;

import java.util.List;

/**
 * One measured load: how many operations, how fast, their latency percentiles, and how many failed
 * (for wrk: socket errors, time-outs and answers that are not 2xx or 3xx; for Gatling: failed checks).
 */
record Measurement(String label, long count, double perSecond, double p50Millis, double p95Millis, double p99Millis,
                   long errors) {

    Measurement withPerSecond(double rate) {
        return new Measurement(label, count, rate, p50Millis, p95Millis, p99Millis, errors);
    }

    /** Rounds of the same target: throughput and percentiles averaged, counts and errors added. */
    static Measurement meanOf(String label, List<Measurement> rounds) {
        return new Measurement(label, rounds.stream().mapToLong(Measurement::count).sum(),
                rounds.stream().mapToDouble(Measurement::perSecond).average().orElse(Double.NaN),
                rounds.stream().mapToDouble(Measurement::p50Millis).average().orElse(Double.NaN),
                rounds.stream().mapToDouble(Measurement::p95Millis).average().orElse(Double.NaN),
                rounds.stream().mapToDouble(Measurement::p99Millis).average().orElse(Double.NaN),
                rounds.stream().mapToLong(Measurement::errors).sum());
    }
}
