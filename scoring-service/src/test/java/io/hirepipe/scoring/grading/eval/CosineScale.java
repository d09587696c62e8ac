package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.AnswerEvidence;
import org.apache.commons.math3.analysis.interpolation.LinearInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * Puts one encoder's cosines on another's scale, so that the grader's cosine thresholds (off-topic gate, unit-on-topic-at,
 * misconception-at, the similarity floor and ceiling behind met / partly met, the holistic floor and ceiling) mean the
 * same for both: quantile matching, fitted on the same answers measured by both encoders. An e5 cosine at the q-th
 * quantile of e5's cosines becomes MiniLM's cosine at the q-th quantile, linearly in between; so the two encoders'
 * cosines are spread alike and only their order (which clause is closer to which key point) differs, which is what the
 * comparison asks about. Monotone, so the maxima the evidence holds (a key point's nearest reference, a unit's
 * topicality) map as their members do, and cosine 1 (the same text) stays 1.
 *
 * <p>Two maps: one for a unit's cosine to a reference (key point, misconception, prompt), fitted on every unit × key
 * point and unit × misconception cosine; one for the whole answer's cosine to the whole rubric (the holistic lift),
 * a cosine of two mean vectors, which lies on a scale of its own.
 */
record CosineScale(DoubleUnaryOperator unit, DoubleUnaryOperator holistic) implements UnaryOperator<AnswerEvidence> {

    static final CosineScale IDENTITY = new CosineScale(x -> x, x -> x);

    /** Quantile steps of the unit map (thousands of cosines) and of the holistic map (one cosine per answer). */
    private static final int UNIT_STEPS = 200;
    private static final int HOLISTIC_STEPS = 20;

    /** The scale that takes {@code from}'s cosines to {@code to}'s; both lists hold the same answers, in order. */
    static CosineScale fit(List<AnswerEvidence> from, List<AnswerEvidence> to) {
        return new CosineScale(quantileMap(unitCosines(from), unitCosines(to), UNIT_STEPS),
                quantileMap(from.stream().mapToDouble(AnswerEvidence::holistic).toArray(),
                        to.stream().mapToDouble(AnswerEvidence::holistic).toArray(), HOLISTIC_STEPS));
    }

    /** Every unit's cosine to a key point's and to a misconception's nearest reference (0, "no reference", left out). */
    static double[] unitCosines(List<AnswerEvidence> evidence) {
        List<Double> all = new ArrayList<>();
        for (AnswerEvidence e : evidence) {
            for (double[][] matrix : new double[][][] {e.keyPointSimilarity(), e.misconceptionSimilarity()}) {
                for (double[] row : matrix) {
                    for (double cosine : row) {
                        if (cosine != 0) {
                            all.add(cosine);
                        }
                    }
                }
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static DoubleUnaryOperator quantileMap(double[] from, double[] to, int steps) {
        double[] x = from.clone();
        double[] y = to.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        List<double[]> knots = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            double q = (double) i / steps;
            double[] knot = {quantile(x, q), quantile(y, q)};
            if (knots.isEmpty() || knot[0] > knots.get(knots.size() - 1)[0] + 1e-9) {
                knots.add(knot);
            }
        }
        if (knots.get(knots.size() - 1)[0] < 1) {
            knots.add(new double[] {1, Math.max(1, knots.get(knots.size() - 1)[1])});
        }
        double[] kx = knots.stream().mapToDouble(k -> k[0]).toArray();
        double[] ky = knots.stream().mapToDouble(k -> k[1]).toArray();
        PolynomialSplineFunction map = new LinearInterpolator().interpolate(kx, ky);
        // below the lowest cosine seen: the lowest on the other scale (only a gate's "far below" reads it)
        return c -> map.value(Math.max(kx[0], Math.min(kx[kx.length - 1], c)));
    }

    private static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }

    /** The cosine on this scale's source side that maps to {@code cosine}: what a threshold of the target scale means. */
    static double inverse(DoubleUnaryOperator map, double cosine) {
        double lo = -1;
        double hi = 1;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (map.applyAsDouble(mid) < cosine) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    @Override
    public AnswerEvidence apply(AnswerEvidence e) {
        if (this == IDENTITY) {
            return e;
        }
        return new AnswerEvidence(e.answer(), e.units(), e.negated(), map(e.keyPointSimilarity()), e.keyPointPhrase(),
                map(e.misconceptionSimilarity()), e.misconceptionPhrase(), unit.applyAsDouble(e.topicality()), e.signals(),
                e.truncated(), holistic.applyAsDouble(e.holistic()), e.deniesKeyPoint(), e.promptEcho(), e.hedged(),
                map(e.unitTopicality()));
    }

    private double[][] map(double[][] matrix) {
        double[][] out = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            out[i] = map(matrix[i]);
        }
        return out;
    }

    private double[] map(double[] row) {
        double[] out = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            // 0 stands for "no reference of this polarity", not for a cosine
            out[i] = row[i] == 0 ? 0 : unit.applyAsDouble(row[i]);
        }
        return out;
    }
}
