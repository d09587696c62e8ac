package io.hirepipe.scoring.grading.eval;

import java.util.List;

/**
 * Agreement between two graders on the 0–4 scale.
 *
 * @param qwk       quadratic weighted kappa: 1 is perfect agreement, 0 is chance
 * @param confusion [first grader's grade][second grader's grade] counts
 */
public record Agreement(int n, double qwk, int[][] confusion) {

    public static final int GRADES = 5;

    public record Pair(int first, int second) {
    }

    public static Agreement of(List<Pair> pairs) {
        int[][] observed = new int[GRADES][GRADES];
        int[] firstTotals = new int[GRADES];
        int[] secondTotals = new int[GRADES];
        for (Pair p : pairs) {
            observed[p.first()][p.second()]++;
            firstTotals[p.first()]++;
            secondTotals[p.second()]++;
        }
        int n = pairs.size();
        double weightedObserved = 0;
        double weightedExpected = 0;
        for (int i = 0; i < GRADES; i++) {
            for (int j = 0; j < GRADES; j++) {
                double w = Math.pow(i - j, 2) / Math.pow(GRADES - 1, 2);
                weightedObserved += w * observed[i][j];
                weightedExpected += w * (double) firstTotals[i] * secondTotals[j] / n;
            }
        }
        double qwk = weightedExpected == 0 ? 1 : 1 - weightedObserved / weightedExpected;
        return new Agreement(n, qwk, observed);
    }

    /** Share of pairs where both graders gave the same grade. */
    public double exactShare() {
        int same = 0;
        for (int i = 0; i < GRADES; i++) {
            same += confusion[i][i];
        }
        return n == 0 ? Double.NaN : (double) same / n;
    }

    /** Mean |first − second| in grade steps. */
    public double meanAbsoluteSteps() {
        int steps = 0;
        for (int i = 0; i < GRADES; i++) {
            for (int j = 0; j < GRADES; j++) {
                steps += Math.abs(i - j) * confusion[i][j];
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
        for (int j = 0; j < GRADES; j++) {
            out.append(String.format("%5d", j));
        }
        out.append('\n');
        for (int i = 0; i < GRADES; i++) {
            out.append(String.format("%-12d", i));
            for (int j = 0; j < GRADES; j++) {
                out.append(String.format("%5d", confusion[i][j]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
