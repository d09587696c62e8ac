package io.hirepipe.scoring.grading;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * Mean-pooled, unit-length sentence vectors from a BERT-style ONNX model: what langchain4j's
 * {@code OnnxBertBiEncoder} computes for a text within the model's window, with less work around the
 * model run. langchain4j tokenizes every text three times (tokens, then the text rebuilt from them, then
 * that text again); this encoder tokenizes it once. Identical texts in one call are embedded once.
 *
 * <p>Each text has a session run of its own, never a padded batch: the model is quantized with
 * <em>dynamic</em> quantization, whose activation scale is taken over the whole input tensor, so a
 * text's vector would depend on the texts batched with it (measured: cosine 0.98–0.995 to the text
 * alone). When a call has enough tokens, its texts are dealt into one share per core, the caller's
 * thread taking the first. A text longer than the model's window goes to {@code longText}. Thread-safe:
 * ONNX Runtime sessions and the tokenizer may be shared.
 */
final class OnnxSentenceEncoder {

    /** The model's window, special tokens included. */
    static final int MAX_TOKENS = 512;
    /** Below this many tokens in all, handing work to another thread costs more than it saves. */
    private static final int MIN_TOKENS_TO_SPLIT = 128;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final ExecutorService pool;
    private final int threads;
    private final boolean takesTypeIds;
    private final Function<String, float[]> longText;

    OnnxSentenceEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
                        ExecutorService pool, Function<String, float[]> longText) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.pool = pool;
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.takesTypeIds = session.getInputNames().contains("token_type_ids");
        this.longText = longText;
    }

    List<float[]> embed(List<String> texts) {
        Map<String, long[]> unique = new LinkedHashMap<>();
        int totalTokens = 0;
        for (String text : texts) {
            if (!unique.containsKey(text)) {
                long[] ids = tokenizer.encode(text, true, false).getIds();
                unique.put(text, ids);
                totalTokens += ids.length;
            }
        }
        List<String> distinct = new ArrayList<>(unique.keySet());
        float[][] vectors = new float[distinct.size()][];
        int shares = totalTokens < MIN_TOKENS_TO_SPLIT ? 1 : Math.min(threads, distinct.size());
        // shares of about equal tokens: text i goes to the share whose running total is lowest
        List<List<Integer>> work = new ArrayList<>();
        long[] load = new long[shares];
        for (int s = 0; s < shares; s++) {
            work.add(new ArrayList<>());
        }
        for (int i = 0; i < distinct.size(); i++) {
            int lightest = 0;
            for (int s = 1; s < shares; s++) {
                if (load[s] < load[lightest]) {
                    lightest = s;
                }
            }
            work.get(lightest).add(i);
            load[lightest] += unique.get(distinct.get(i)).length;
        }
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int s = 1; s < shares; s++) {
            List<Integer> share = work.get(s);
            others.add(CompletableFuture.runAsync(() -> share.forEach(i -> vectors[i] = vector(distinct.get(i), unique)), pool));
        }
        work.get(0).forEach(i -> vectors[i] = vector(distinct.get(i), unique));
        try {
            others.forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        List<float[]> out = new ArrayList<>(texts.size());
        Map<String, float[]> byText = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byText.put(distinct.get(i), vectors[i]);
        }
        for (String text : texts) {
            out.add(byText.get(text));
        }
        return out;
    }

    private float[] vector(String text, Map<String, long[]> tokenized) {
        long[] ids = tokenized.get(text);
        return ids.length > MAX_TOKENS ? unitLength(longText.apply(text)) : run(ids);
    }

    /** One session run; the mean of the output token vectors ([CLS] and [SEP] included, as langchain4j does). */
    private float[] run(long[] ids) {
        long[] shape = {1, ids.length};
        long[] mask = new long[ids.length];
        java.util.Arrays.fill(mask, 1);
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (takesTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                int dimension = hidden.capacity() / ids.length;
                float[] sum = new float[dimension];
                for (int t = 0; t < ids.length; t++) {
                    for (int d = 0; d < dimension; d++) {
                        sum[d] += hidden.get(t * dimension + d);
                    }
                }
                return unitLength(sum);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to embed a text of " + ids.length + " tokens", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    static float[] unitLength(float[] v) {
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
