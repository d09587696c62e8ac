package io.hirepipe.scoring.grading;

/** How the semantic grader rounds the figures it reports: shares and cosines to two places (points: {@link Points}). */
final class GradeFigures {

    private GradeFigures() {
    }

    static double clamp01(double x) {
        return Math.max(0, Math.min(1, x));
    }

    static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
