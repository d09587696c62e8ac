package io.hirepipe.perf;

import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Submissions of one load step and what the sink got for them. */
record Delivery(Measurement submits, Map<String, Long> acks, Map<String, List<Instant>> emails, Set<String> lost,
                int duplicates) {

    int delivered() {
        return (int) acks.keySet().stream().filter(emails::containsKey).count();
    }

    Measurement endToEnd(String label) {
        Histogram latency = new Histogram(3_600_000L, 3);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Map.Entry<String, Long> ack : acks.entrySet()) {
            first = Math.min(first, ack.getValue());
            List<Instant> arrived = emails.get(ack.getKey());
            if (arrived != null) {
                long at = arrived.get(0).toEpochMilli();
                last = Math.max(last, at);
                latency.recordValue(Math.max(0, at - ack.getValue()));
            }
        }
        double span = Math.max(1, last - first) / 1000.0;
        return new Measurement(label, latency.getTotalCount(), latency.getTotalCount() / span,
                latency.getValueAtPercentile(50), latency.getValueAtPercentile(95), latency.getValueAtPercentile(99),
                lost.size());
    }

    /** Email arrival rate between the 10th and the 90th percentile arrival: the pipeline's steady drain rate. */
    Measurement steady(String label) {
        List<Long> arrivals = emails.values().stream().map(list -> list.get(0).toEpochMilli()).sorted().toList();
        if (arrivals.size() < 10) {
            return new Measurement(label, arrivals.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int from = arrivals.size() / 10;
        int to = arrivals.size() * 9 / 10;
        double span = Math.max(1, arrivals.get(to) - arrivals.get(from)) / 1000.0;
        return new Measurement(label, to - from, (to - from) / span, Double.NaN, Double.NaN, Double.NaN, 0);
    }
}
