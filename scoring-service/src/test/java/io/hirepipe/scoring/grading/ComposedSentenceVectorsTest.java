package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ComposedSentenceVectorsTest {

    /** Gives the i-th distinct text it sees the i-th axis, and records what it was asked to run. */
    private static final class AxisEmbedder implements SentenceEmbedder {
        final List<String> run = new ArrayList<>();

        @Override
        public List<float[]> embed(List<String> texts) {
            List<float[]> out = new ArrayList<>();
            for (String text : texts) {
                run.add(text);
                float[] v = new float[8];
                v[run.size() - 1] = 1;
                out.add(v);
            }
            return out;
        }
    }

    private final AnswerSegmenter segmenter = new AnswerSegmenter();

    @Test
    void aSentenceOfSeveralClausesIsNotRunButComposedFromItsClausesByWords() {
        List<Span> units = segmenter.units("Reads go to replicas, and a replica takes over if the primary fails. Sharding splits the data.");
        AxisEmbedder embedder = new AxisEmbedder();

        List<float[]> vectors = ComposedSentenceVectors.of(embedder, units, texts(units), units.size(), new boolean[units.size()]);

        assertThat(embedder.run).containsExactly("Reads go to replicas", "and a replica takes over if the primary fails.",
                "Sharding splits the data.");
        assertThat(vectors).hasSize(4);
        // the sentence: 4 words on the first clause's axis, 9 on the second's, at unit length
        double norm = Math.sqrt(4 * 4 + 9 * 9);
        assertThat(vectors.get(0)[0]).isCloseTo((float) (4 / norm), within(1e-6f));
        assertThat(vectors.get(0)[1]).isCloseTo((float) (9 / norm), within(1e-6f));
        assertThat(vectors.get(1)[0]).isEqualTo(1f);
        assertThat(vectors.get(3)[2]).isEqualTo(1f);
    }

    @Test
    void aMixedSentencesPositivePartIsComposedFromItsPositiveClausesOnly() {
        List<Span> own = segmenter.units("Writes go to the primary, it does not shard the rows, and replicas serve the reads.");
        assertThat(own).hasSize(4);
        boolean[] negated = {true, false, true, false};
        List<Span> units = new ArrayList<>(own);
        units.add(own.get(0));
        List<String> readAs = new ArrayList<>(texts(own));
        readAs.add("Writes go to the primary, and replicas serve the reads.");
        AxisEmbedder embedder = new AxisEmbedder();

        List<float[]> vectors = ComposedSentenceVectors.of(embedder, units, readAs, own.size(), negated);

        assertThat(embedder.run).containsExactly("Writes go to the primary", "it does not shard the rows",
                "and replicas serve the reads.");
        float[] part = vectors.get(4);
        assertThat(part[1]).isZero();
        assertThat(part[0]).isCloseTo((float) (5 / Math.sqrt(25 + 25)), within(1e-6f));
        assertThat(part[2]).isCloseTo((float) (5 / Math.sqrt(25 + 25)), within(1e-6f));
        // the whole sentence, negated as it is, is composed from all three clauses
        assertThat(vectors.get(0)[1]).isGreaterThan(0f);
    }

    @Test
    void aSentenceOfOneClauseIsRunAsItIs() {
        List<Span> units = segmenter.units("Sharding splits the data over nodes.");
        AxisEmbedder embedder = new AxisEmbedder();

        List<float[]> vectors = ComposedSentenceVectors.of(embedder, units, texts(units), units.size(), new boolean[1]);

        assertThat(embedder.run).containsExactly("Sharding splits the data over nodes.");
        assertThat(vectors.get(0)[0]).isEqualTo(1f);
    }

    private static List<String> texts(List<Span> units) {
        return units.stream().map(Span::text).toList();
    }
}
