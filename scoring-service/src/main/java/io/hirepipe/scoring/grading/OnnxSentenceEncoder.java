package io.hirepipe.scoring.grading;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Mean-pooled, unit-length sentence vectors from a BERT-style ONNX model: what langchain4j's
 * {@code OnnxBertBiEncoder} computes for a text within the model's window, with less work around the
 * model run. langchain4j tokenizes every text three times (tokens, then the text rebuilt from them, then
 * that text again); this encoder tokenizes it once. Identical texts in one call are embedded once.
 *
 * <p>For the service's model each text has a session run of its own, never a padded batch: the model is
 * quantized with <em>dynamic</em> quantization, whose activation scale is taken over the whole input tensor,
 * so a text's vector would depend on the texts batched with it (measured: cosine 0.98–0.995 to the text
 * alone). A model with float weights can be run {@code batched}: texts sorted by length, padded to the
 * longest of their batch, padding masked out of attention and of the mean (equal to the text alone
 * within 1e-5 per component). When a call has enough tokens, its texts are spread over one thread per core, the
 * caller's thread one of them: run one by one, the threads take the next text from one queue, longest first, so
 * that a thread the operating system holds back leaves its texts to the others instead of holding up the answer (a
 * fixed share per thread made the slowest share the answer's time: its p99 about 2.5 times its p50 on an idle
 * machine); batched, each thread takes a share of about equal tokens. A text longer than the model's window goes to
 * {@code longText}. Thread-safe: ONNX Runtime sessions and the tokenizer may be shared.
 */
final class OnnxSentenceEncoder {

    /** The model's window, special tokens included. */
    static final int MAX_TOKENS = 512;
    /** Below this many tokens in all, handing work to another thread costs more than it saves. */
    private static final int MIN_TOKENS_TO_SPLIT = 128;
    /** Most tokens, padding included, in one batched model run: bounds the run's memory and its padding. */
    private static final int MAX_BATCH_TOKENS = 2048;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final ExecutorService pool;
    private final int threads;
    private final boolean takesTypeIds;
    private final Function<String, float[]> longText;
    private final boolean batched;
    private final String outputName;
    private final int dimension;
    /**
     * Per thread, the direct buffer the model writes its output into (ONNX Runtime's pinned outputs): otherwise each
     * run's output is copied into a new buffer, a quarter of everything grading allocates, and the young collections
     * that follow stall the answers they land on. Grows to the largest run a thread has made (at most the window, or a
     * batch's tokens, times the dimension: a few megabytes).
     */
    private final ThreadLocal<FloatBuffer> outputBuffers = new ThreadLocal<>();

    /**
     * @param batched whether a share's texts go through the model together, in padded batches; only for a
     *                model whose vectors do not depend on their batch neighbours (not a dynamically quantized one)
     */
    OnnxSentenceEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
                        ExecutorService pool, Function<String, float[]> longText, boolean batched) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.pool = pool;
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.takesTypeIds = session.getInputNames().contains("token_type_ids");
        this.longText = longText;
        this.batched = batched;
        try {
            this.outputName = session.getOutputNames().iterator().next();
            long[] shape = ((ai.onnxruntime.TensorInfo) session.getOutputInfo().get(outputName).getInfo()).getShape();
            this.dimension = (int) shape[shape.length - 1];
        } catch (OrtException e) {
            throw new IllegalStateException("cannot read the embedding model's output", e);
        }
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
        if (!batched && shares > 1) {
            embedFromOneQueue(distinct, unique, vectors, shares);
            return inCallOrder(texts, distinct, vectors);
        }
        // shares of about equal tokens: each text, longest first, goes to the share whose running total is lowest
        // (longest first, so that no long text is left to make one share finish well after the others)
        List<List<Integer>> work = new ArrayList<>();
        long[] load = new long[shares];
        for (int s = 0; s < shares; s++) {
            work.add(new ArrayList<>());
        }
        List<Integer> longestFirst = new ArrayList<>(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            longestFirst.add(i);
        }
        longestFirst.sort(java.util.Comparator.comparingInt((Integer i) -> unique.get(distinct.get(i)).length).reversed());
        for (int i : longestFirst) {
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
            others.add(CompletableFuture.runAsync(() -> embedShare(share, distinct, unique, vectors), pool));
        }
        embedShare(work.get(0), distinct, unique, vectors);
        try {
            others.forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return inCallOrder(texts, distinct, vectors);
    }

    /**
     * The caller and {@code threads - 1} pool threads take texts from one queue, longest first, one model run each. The
     * caller waits for the texts, not for the pool threads: a pool thread that has not started by the time the caller
     * has done every text finds the queue empty and ends.
     */
    private void embedFromOneQueue(List<String> distinct, Map<String, long[]> tokenized, float[][] vectors, int threads) {
        List<Integer> longestFirst = new ArrayList<>(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            longestFirst.add(i);
        }
        longestFirst.sort(java.util.Comparator.comparingInt((Integer i) -> tokenized.get(distinct.get(i)).length).reversed());
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(distinct.size());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int k = next.getAndIncrement(); k < longestFirst.size(); k = next.getAndIncrement()) {
                int i = longestFirst.get(k);
                try {
                    vectors[i] = embedOne(distinct.get(i), tokenized.get(distinct.get(i)));
                    done.countDown();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    // no text is waited for after a failure: the caller wakes and rethrows it
                    for (long n = done.getCount(); n > 0; n--) {
                        done.countDown();
                    }
                    return;
                }
            }
        };
        for (int t = 1; t < threads; t++) {
            pool.execute(worker);
        }
        worker.run();
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedding", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private float[] embedOne(String text, long[] ids) {
        return ids.length > MAX_TOKENS ? unitLength(longText.apply(text)) : run(List.of(ids)).get(0);
    }

    private static List<float[]> inCallOrder(List<String> texts, List<String> distinct, float[][] vectors) {
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

    private void embedShare(List<Integer> share, List<String> distinct, Map<String, long[]> tokenized, float[][] vectors) {
        List<Integer> inWindow = new ArrayList<>();
        for (int i : share) {
            long[] ids = tokenized.get(distinct.get(i));
            if (ids.length > MAX_TOKENS) {
                vectors[i] = unitLength(longText.apply(distinct.get(i)));
            } else if (batched) {
                inWindow.add(i);
            } else {
                vectors[i] = run(List.of(ids)).get(0);
            }
        }
        // by length, so that a batch pads its texts to about their own length
        inWindow.sort(java.util.Comparator.comparingInt(i -> tokenized.get(distinct.get(i)).length));
        for (int from = 0; from < inWindow.size(); ) {
            int to = from;
            int longest = 0;
            while (to < inWindow.size()) {
                int length = tokenized.get(distinct.get(inWindow.get(to))).length;
                if (to > from && (long) Math.max(longest, length) * (to - from + 1) > MAX_BATCH_TOKENS) {
                    break;
                }
                longest = Math.max(longest, length);
                to++;
            }
            List<long[]> batch = new ArrayList<>();
            for (int k = from; k < to; k++) {
                batch.add(tokenized.get(distinct.get(inWindow.get(k))));
            }
            List<float[]> out = run(batch);
            for (int k = from; k < to; k++) {
                vectors[inWindow.get(k)] = out.get(k - from);
            }
            from = to;
        }
    }

    /**
     * One session run over {@code batch}, each text padded to the longest with the attention mask off; a
     * text's vector is the mean of its own output token vectors ([CLS] and [SEP] included, as langchain4j
     * does), padding left out.
     */
    private List<float[]> run(List<long[]> batch) {
        int rows = batch.size();
        int width = 0;
        for (long[] ids : batch) {
            width = Math.max(width, ids.length);
        }
        long[] shape = {rows, width};
        long[] idsFlat = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            long[] ids = batch.get(r);
            System.arraycopy(ids, 0, idsFlat, r * width, ids.length);
            java.util.Arrays.fill(mask, r * width, r * width + ids.length, 1);
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        OnnxTensor output = null;
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(idsFlat), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (takesTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * width]), shape));
            }
            FloatBuffer hidden = outputBuffer(rows * width * dimension);
            output = OnnxTensor.createTensor(environment, hidden, new long[]{rows, width, dimension});
            try (OrtSession.Result ignored = session.run(inputs, Map.of(outputName, output))) {
                List<float[]> vectors = new ArrayList<>(rows);
                for (int r = 0; r < rows; r++) {
                    int length = batch.get(r).length;
                    float[] sum = new float[dimension];
                    for (int t = 0; t < length; t++) {
                        int base = (r * width + t) * dimension;
                        for (int d = 0; d < dimension; d++) {
                            sum[d] += hidden.get(base + d);
                        }
                    }
                    vectors.add(toUnitLength(sum));
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to embed " + rows + " texts of up to " + width + " tokens", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
            if (output != null) {
                output.close();
            }
        }
    }

    /** This thread's output buffer, {@code floats} long, its contents undefined. */
    private FloatBuffer outputBuffer(int floats) {
        FloatBuffer buffer = outputBuffers.get();
        if (buffer == null || buffer.capacity() < floats) {
            buffer = ByteBuffer.allocateDirect(Math.max(floats, 64 * dimension) * Float.BYTES)
                    .order(ByteOrder.nativeOrder()).asFloatBuffer();
            outputBuffers.set(buffer);
        }
        buffer.clear().limit(floats);
        return buffer.slice();
    }

    /** {@code v} scaled to unit length in place. */
    static float[] toUnitLength(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    /** A unit-length copy of {@code v}. */
    static float[] unitLength(float[] v) {
        return toUnitLength(v.clone());
    }
}
