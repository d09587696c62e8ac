package io.hirepipe.scoring.grading;

import java.util.List;

/** Turns sentences into unit-length vectors whose dot product is their cosine similarity. */
public interface SentenceEmbedder {

    /** One vector per text, in order, computed in one batch. */
    List<float[]> embed(List<String> texts);

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
