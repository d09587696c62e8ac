package io.hirepipe.scoring.grading;

import java.util.List;

/** Turns sentences into unit-length vectors whose dot product is their cosine similarity. */
public interface SentenceEmbedder {

    /** One vector per text, in order, computed in one batch. */
    List<float[]> embed(List<String> texts);

    /**
     * The dot product of two vectors of one length. Four running sums, not one: each addition then waits for the one
     * four places back instead of the one before it, so the processor overlaps them (about twice as fast). A grade
     * compares each answer clause with some 250 vectors of other questions (the neighbour rule), which made this loop
     * the most sampled Java code of grading (docs/grading.md, "Benchmark runs", session 44).
     */
    static double cosine(float[] a, float[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (int end = a.length - 3; i < end; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
