package io.hirepipe.scoring.grading.eval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.hirepipe.scoring.grading.SentenceEmbedder;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The embedder the service used before the encoder was rewritten, kept for the benchmark's side-by-side
 * run only: langchain4j's {@code OnnxBertBiEncoder} (three tokenizer calls per text) over the same model
 * file and session settings (intra-op 1), a batch's texts spread over one thread per core.
 */
final class PerSentenceLangchainEmbedder implements SentenceEmbedder {

    private final Model model;

    PerSentenceLangchainEmbedder() {
        ClassLoader loader = getClass().getClassLoader();
        try (InputStream onnx = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx");
             InputStream tokenizer = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            int cores = Runtime.getRuntime().availableProcessors();
            ExecutorService pool = Executors.newFixedThreadPool(cores, r -> {
                Thread t = new Thread(r, "sentence-embedding-before");
                t.setDaemon(true);
                return t;
            });
            model = new Model(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN), pool);
        } catch (IOException | OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder, ExecutorService pool) {
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

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        embeddings.forEach(e -> vectors.add(e.vector()));
        return vectors;
    }
}
