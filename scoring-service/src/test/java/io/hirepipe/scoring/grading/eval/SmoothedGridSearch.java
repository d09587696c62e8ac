package io.hirepipe.scoring.grading.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Exhaustive search over a grid that picks the point whose neighbourhood scores best, not the single
 * best point: the mean objective of a point and its neighbours one step away along each axis. On 84
 * answers the objective is noisy, and an isolated peak is more likely luck than a better setting.
 */
final class SmoothedGridSearch {

    private SmoothedGridSearch() {
    }

    /**
     * @param axes      the values to try, per dimension
     * @param objective higher is better; NaN marks an invalid combination
     * @return the chosen values, one per axis
     */
    static double[] argmax(double[][] axes, ToDoubleFunction<double[]> objective) {
        Map<String, Double> scores = new HashMap<>();
        int[] index = new int[axes.length];
        do {
            scores.put(Arrays.toString(index), objective.applyAsDouble(values(axes, index)));
        } while (next(index, axes));
        double best = Double.NEGATIVE_INFINITY;
        int[] bestIndex = null;
        index = new int[axes.length];
        do {
            double own = scores.get(Arrays.toString(index));
            if (Double.isNaN(own)) {
                continue;
            }
            double sum = own;
            int count = 1;
            for (int axis = 0; axis < axes.length; axis++) {
                for (int step : new int[]{-1, 1}) {
                    int[] neighbour = index.clone();
                    neighbour[axis] += step;
                    Double score = scores.get(Arrays.toString(neighbour));
                    if (score != null && !Double.isNaN(score)) {
                        sum += score;
                        count++;
                    }
                }
            }
            double smoothed = sum / count;
            if (smoothed > best + 1e-12) {
                best = smoothed;
                bestIndex = index.clone();
            }
        } while (next(index, axes));
        if (bestIndex == null) {
            throw new IllegalArgumentException("no valid combination in the grid");
        }
        return values(axes, bestIndex);
    }

    private static double[] values(double[][] axes, int[] index) {
        double[] v = new double[axes.length];
        for (int i = 0; i < axes.length; i++) {
            v[i] = axes[i][index[i]];
        }
        return v;
    }

    private static boolean next(int[] index, double[][] axes) {
        for (int i = index.length - 1; i >= 0; i--) {
            if (++index[i] < axes[i].length) {
                return true;
            }
            index[i] = 0;
        }
        return false;
    }
}
