package io.hirepipe.scoring.result;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Percentile rank of a result among the scored results of its test in the tenant: the share of them
 * that scored lower, ties counting half (the mid-rank definition), so the best of many is near 100,
 * the worst near 0 and a lone result 50. Computed when read, so adjustments count at once. Each
 * test's scores are read once per request.
 */
final class PercentileRanks {

    private final ResultStore results;
    private final String tenantId;
    private final Map<String, double[]> sortedPercents = new HashMap<>();

    PercentileRanks(ResultStore results, String tenantId) {
        this.results = results;
        this.tenantId = tenantId;
    }

    /** @return 0..100, or null when the result has no test */
    Integer of(ScoringResult result) {
        if (result.testId() == null) {
            return null;
        }
        double[] percents = sortedPercents.computeIfAbsent(result.testId(),
                testId -> results.sortedPercents(tenantId, testId));
        return rank(percents, result.percent());
    }

    static Integer rank(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return null;
        }
        int below = lowerBound(sorted, percent);
        int equal = lowerBound(sorted, Math.nextUp(percent)) - below;
        return (int) Math.round(100.0 * (below + 0.5 * equal) / sorted.length);
    }

    /** The first index whose value is at least {@code value}. */
    private static int lowerBound(double[] sorted, double value) {
        int index = Arrays.binarySearch(sorted, value);
        if (index < 0) {
            return -index - 1;
        }
        while (index > 0 && sorted[index - 1] == value) {
            index--;
        }
        return index;
    }
}
