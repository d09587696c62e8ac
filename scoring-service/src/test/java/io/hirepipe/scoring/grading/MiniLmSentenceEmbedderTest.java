package io.hirepipe.scoring.grading;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The batched embedder must give every text the vector the model gives it alone: padding and batch
 * neighbours must not leak into it. The reference is langchain4j's own model class over the same model
 * file, which runs one text per session call.
 */
class MiniLmSentenceEmbedderTest {

    private static final AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
    private final MiniLmSentenceEmbedder embedder = new MiniLmSentenceEmbedder();

    @Test
    void aBatchOfMixedLengthsGivesEachTextItsOwnVector() {
        List<String> texts = new ArrayList<>(List.of(
                "Sharding splits the data across nodes.",
                "TTL",
                "Replication keeps a copy of every row on each replica, so reads can go to a replica and a replica "
                        + "takes over when the primary fails, while sharding splits the rows by a key so that writes scale out.",
                "not replicated",
                "A cache-aside read checks Redis first; on a miss it reads the database and stores the row with a time to live.",
                "Sharding splits the data across nodes."));
        for (int i = 0; i < 40; i++) {
            texts.add("Clause number " + i + " says that idempotency keys let a client retry a payment safely.");
        }

        List<float[]> batched = embedder.embed(texts);

        assertThat(batched).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = reference.embed(TextSegment.from(texts.get(i))).content().vector();
            assertThat(SentenceEmbedder.cosine(batched.get(i), alone)).as(texts.get(i)).isGreaterThan(0.999);
            assertThat(norm(batched.get(i))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(SentenceEmbedder.cosine(batched.get(0), batched.get(5))).isGreaterThan(0.9999);
        assertThat(SentenceEmbedder.cosine(batched.get(0), batched.get(1))).isLessThan(0.9);
    }

    @Test
    void anAnswerIsNotHeldUpByAnEmbeddingThreadThatCannotRun() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            texts.add("Clause number " + i + " says that a replica takes over when the primary node fails.");
        }
        ExecutorService stuck = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            stuck.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            OnnxSentenceEncoder encoder = MiniLmSentenceEmbedder.encoder(MiniLmSentenceEmbedder.Variant.QUANTIZED, stuck);

            List<float[]> vectors = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> encoder.embed(texts));

            List<float[]> expected = embedder.embed(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(SentenceEmbedder.cosine(vectors.get(i), expected.get(i))).as(texts.get(i)).isGreaterThan(0.99999);
            }
        } finally {
            release.countDown();
            stuck.shutdown();
        }
    }

    @Test
    void aTextLongerThanTheModelsWindowIsStillEmbeddedWhole() {
        String sentence = "Rate limiting with a token bucket refills tokens at a fixed rate and rejects requests when empty. ";
        String longText = sentence.repeat(40);

        List<float[]> vectors = embedder.embed(List.of("A short one.", longText));

        float[] alone = reference.embed(TextSegment.from(longText)).content().vector();
        assertThat(SentenceEmbedder.cosine(vectors.get(1), alone)).isGreaterThan(0.999);
    }

    @Test
    void theFloatModelGivesABatchedTextTheVectorItGetsAlone() {
        MiniLmSentenceEmbedder full = new MiniLmSentenceEmbedder(MiniLmSentenceEmbedder.Variant.FULL);
        List<String> texts = new ArrayList<>(List.of(
                "TTL",
                "Sharding splits the data across nodes.",
                "not replicated",
                "Replication keeps a copy of every row on each replica, so reads can go to a replica and a replica "
                        + "takes over when the primary fails, while sharding splits the rows by a key so that writes scale out."));
        for (int i = 0; i < 30; i++) {
            texts.add("Clause " + i + " says idempotency keys let a client retry" + " safely".repeat(i % 7) + ".");
        }

        List<float[]> batched = full.embed(texts);

        for (int i = 0; i < texts.size(); i++) {
            float[] alone = full.embed(List.of(texts.get(i))).get(0);
            float[] reference = FULL_REFERENCE.embed(TextSegment.from(texts.get(i))).content().vector();
            assertThat(maxDifference(batched.get(i), alone)).as(texts.get(i)).isLessThan(1e-5);
            assertThat(maxDifference(batched.get(i), reference)).as(texts.get(i)).isLessThan(1e-5);
        }
    }

    private static final AllMiniLmL6V2EmbeddingModel FULL_REFERENCE = new AllMiniLmL6V2EmbeddingModel();

    private static double maxDifference(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
