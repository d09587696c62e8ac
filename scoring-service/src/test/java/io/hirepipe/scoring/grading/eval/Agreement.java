package io.hirepipe.scoring.grading.eval;

import java.util.List;

/**
 * Agreement between two graders on the 0–4 scale (or on a finer one: {@link #of(List, int)}).
 *
 * @param qwk       quadratic weighted kappa: 1 is perfect agreement, 0 is chance
 * @param confusion [first grader's grade][second grader's grade] counts
 */
public record Agreement(int n, double qwk, int[][] confusion) {

    public static final int GRADES = 5;

    public record Pair(int first, int second) {
    }

    public static Agreement of(List<Pair> pairs) {
        return of(pairs, GRADES);
    }

    /**
     * Agreement on a scale of {@code levels} steps, 0 to levels − 1. Half grades go on 9 levels as doubled grades;
     * the quadratic weights are relative to the scale's width, so QWK stays comparable with the 0–4 one.
     */
    public static Agreement of(List<Pair> pairs, int levels) {
        int[][] observed = new int[levels][levels];
        int[] firstTotals = new int[levels];
        int[] secondTotals = new int[levels];
        for (Pair p : pairs) {
            observed[p.first()][p.second()]++;
            firstTotals[p.first()]++;
            secondTotals[p.second()]++;
        }
        int n = pairs.size();
        double weightedObserved = 0;
        double weightedExpected = 0;
        for (int i = 0; i < levels; i++) {
            for (int j = 0; j < levels; j++) {
                double w = Math.pow(i - j, 2) / Math.pow(levels - 1, 2);
                weightedObserved += w * observed[i][j];
                weightedExpected += w * (double) firstTotals[i] * secondTotals[j] / n;
            }
        }
        double qwk = weightedExpected == 0 ? 1 : 1 - weightedObserved / weightedExpected;
        return new Agreement(n, qwk, observed);
    }

    /** Share of the pairs on which the two graders gave the same grade. */
    public double exactShare() {
        int same = 0;
        for (int i = 0; i < confusion.length; i++) {
            same += confusion[i][i];
        }
        return n == 0 ? Double.NaN : (double) same / n;
    }

    /** Mean |first − second|, in steps of the scale. */
    public double meanAbsoluteDifference() {
        long steps = 0;
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion.length; j++) {
                steps += (long) Math.abs(i - j) * confusion[i][j];
            }
        }
        return n == 0 ? Double.NaN : (double) steps / n;
    }

    /** The machine's grade for a percent score: round(percent / 25), halves up. */
    public static int grade(double percent) {
        return (int) Math.min(4, Math.max(0, Math.floor(percent / 25 + 0.5)));
    }

    public String confusionTable(String rows, String columns) {
        StringBuilder out = new StringBuilder(String.format("%-12s %s →%n", rows + " ↓", columns));
        out.append(String.format("%-12s", ""));
        for (int j = 0; j < confusion.length; j++) {
            out.append(String.format("%5d", j));
        }
        out.append('\n');
        for (int i = 0; i < confusion.length; i++) {
            out.append(String.format("%-12d", i));
            for (int j = 0; j < confusion.length; j++) {
                out.append(String.format("%5d", confusion[i][j]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
