package io.hirepipe.scoring.grading;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SentenceEmbedderTest {

    @Test
    void cosineIsTheDotProductForEveryLengthTheFourSumsCanLeaveOver() {
        Random random = new Random(44);
        for (int length : new int[] {0, 1, 2, 3, 4, 5, 7, 383, 384}) {
            float[] a = new float[length];
            float[] b = new float[length];
            double expected = 0;
            for (int i = 0; i < length; i++) {
                a[i] = random.nextFloat() - 0.5f;
                b[i] = random.nextFloat() - 0.5f;
                expected += a[i] * b[i];
            }
            assertThat(SentenceEmbedder.cosine(a, b)).as("length %d", length).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void cosineOfAUnitVectorWithItselfIsOne() {
        float[] v = new float[384];
        v[0] = 0.6f;
        v[383] = 0.8f;
        assertThat(SentenceEmbedder.cosine(v, v)).isCloseTo(1.0, within(1e-6));
    }
}
