package io.hirepipe.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Calls released together, as racing requests are: each on its own thread, all waiting at one barrier until every
 * one is ready, so they reach the service as close together as threads can.
 *
 * <pre>{@code
 * List<HttpApi.Response> answers = AtOnce.run(4, tab -> () -> api(candidate).post("/api/candidate/assessment/submit", ""));
 * }</pre>
 */
public final class AtOnce {

    private static final long WAIT_SECONDS = 60;

    private AtOnce() {
    }

    /** {@code count} calls, the {@code i}-th made by {@code call.apply(i)}; their results in that order. */
    public static <T> List<T> run(int count, IntFunction<Callable<T>> call) throws Exception {
        return run(IntStream.range(0, count).mapToObj(call).toList());
    }

    /** @return each call's result, in the order of {@code calls}; the first call's failure is thrown */
    public static <T> List<T> run(List<Callable<T>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CyclicBarrier together = new CyclicBarrier(calls.size());
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> call : calls) {
                running.add(threads.submit(() -> {
                    together.await(WAIT_SECONDS, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                try {
                    results.add(result.get(WAIT_SECONDS, TimeUnit.SECONDS));
                } catch (ExecutionException failed) {
                    if (failed.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw failed;
                }
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
