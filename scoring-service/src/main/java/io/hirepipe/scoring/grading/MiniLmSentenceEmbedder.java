package io.hirepipe.scoring.grading;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (quantized), run in-process on ONNX Runtime from the model file inside the
 * langchain4j jar: nothing is downloaded at run time. The model loads once per JVM, on first use
 * (about a second), through the holder idiom; ONNX Runtime sessions are thread-safe, so every grading
 * thread shares it. langchain4j spreads a batch over a pool sized to the cores.
 */
@Component
public class MiniLmSentenceEmbedder implements SentenceEmbedder {

    private static final Logger log = LoggerFactory.getLogger(MiniLmSentenceEmbedder.class);

    private static final class Holder {
        static final EmbeddingModel MODEL = load();

        private static EmbeddingModel load() {
            long started = System.nanoTime();
            EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
            log.info("Loaded sentence-embedding model all-MiniLM-L6-v2-q in {} ms",
                    (System.nanoTime() - started) / 1_000_000);
            return model;
        }
    }

    /** Loads the model now rather than on the first answer; returns how long it took, in milliseconds. */
    public long warmUp() {
        long started = System.nanoTime();
        Holder.MODEL.embed("warm up");
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings = Holder.MODEL.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(unitLength(embedding.vector()));
        }
        return vectors;
    }

    private static float[] unitLength(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] unit = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            unit[i] = v[i] * scale;
        }
        return unit;
    }
}
