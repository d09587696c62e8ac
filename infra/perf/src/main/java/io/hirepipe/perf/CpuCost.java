package io.hirepipe.perf;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Each program's CPU time per operation, from two readings of the stack's /proc figures. */
final class CpuCost {

    private CpuCost() {
    }

    /** "gateway 5.20 ms, …; together 23.1 ms, 2.31 cores at 100 starts/s". */
    static String perOperation(Map<String, Duration> before, Map<String, Duration> after, int operations, double rate,
                               String what) {
        Map<String, Double> millis = new LinkedHashMap<>();
        after.forEach((program, cpu) -> millis.put(program,
                cpu.minus(before.getOrDefault(program, Duration.ZERO)).toNanos() / 1e6 / Math.max(1, operations)));
        double together = millis.values().stream().mapToDouble(Double::doubleValue).sum();
        return millis.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(program -> program.getKey() + " " + String.format(Locale.ROOT, "%.2f ms", program.getValue()))
                .collect(Collectors.joining(", "))
                + String.format(Locale.ROOT, "; together %.1f ms, %.2f cores at %s %s/s", together,
                together * rate / 1000, Report.number(rate), what);
    }
}
