package io.hirepipe.scoring.grading;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedder the service used before {@link OnnxSentenceEncoder}, kept for the benchmark's side-by-side
 * run only: langchain4j's {@code OnnxBertBiEncoder} (three tokenizer calls per text) over the same model
 * file and session settings, a batch's texts spread over one thread per core. A model and session of its
 * own, so the two never share a cache.
 */
public final class PerSentenceLangchainEmbedder implements SentenceEmbedder {

    private final MiniLmSentenceEmbedder.LangchainModel model;

    public PerSentenceLangchainEmbedder() {
        try (InputStream onnx = MiniLmSentenceEmbedder.resource("all-minilm-l6-v2-q.onnx");
             InputStream tokenizer = MiniLmSentenceEmbedder.resource("all-minilm-l6-v2-q-tokenizer.json")) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(onnx.readAllBytes(), MiniLmSentenceEmbedder.sessionOptions());
            model = new MiniLmSentenceEmbedder.LangchainModel(
                    new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN),
                    MiniLmSentenceEmbedder.embeddingPool());
        } catch (IOException | OrtException e) {
            throw new IllegalStateException(e);
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
