package io.hirepipe.perf;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Preparation against a real HTTP server whose breaker is open for a while, as the gateway answers then. */
class ApiRetryTest {

    private static final String OPEN = problem("downstream-circuit-open", 503);

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anOpenBreakerIsWaitedOutAfterItsRetryAfterAndCounted() throws IOException {
        start(2, "1");
        int retriedBefore = Api.retried().getOrDefault("503 downstream-circuit-open", 0);
        long started = System.nanoTime();

        Api.Response answer = new Api(url()).post("/api/v1/candidate/assessment/start", "{}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(requests).hasValue(3);
        assertThat((System.nanoTime() - started) / 1_000_000).as("waited Retry-After twice").isGreaterThanOrEqualTo(2_000);
        assertThat(Api.retried().get("503 downstream-circuit-open")).isEqualTo(retriedBefore + 2);
    }

    @Test
    void retriesAreBoundedAndTheLastAnswerCounts() throws IOException {
        start(Integer.MAX_VALUE, "0");

        Api.Response answer = new Api(url()).post("/api/v1/candidate/assessment/start", "{}");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(requests).hasValue(8);
    }

    @Test
    void anEarlierAttemptStillRunningIsWaitedFor() throws IOException {
        serve(n -> n == 1 ? new Reply(409, problem("idempotent-request-in-progress", 409), null)
                : new Reply(200, "{\"rows\":[]}", null));

        Api.Response answer = new Api(url()).post("/api/v1/invitations/bulk", "{}", "Idempotency-Key", "k1");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(requests).hasValue(2);
    }

    @Test
    void anOrdinaryConflictIsAnAnswerNotARetry() throws IOException {
        serve(n -> new Reply(409, problem("already-replayed", 409), null));

        assertThat(new Api(url()).post("/x", "{}").status()).isEqualTo(409);
        assertThat(requests).hasValue(1);
    }

    /** Answers 503 (breaker open, with {@code retryAfter}) to the first {@code refusals} requests, then 200. */
    private void start(int refusals, String retryAfter) throws IOException {
        serve(n -> n <= refusals ? new Reply(503, OPEN, retryAfter) : new Reply(200, "{\"ok\":true}", null));
    }

    private record Reply(int status, String body, String retryAfter) {
    }

    /** A loopback server answering its {@code n}th request (from 1) with {@code reply.apply(n)}. */
    private void serve(IntFunction<Reply> reply) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Reply answer = reply.apply(requests.incrementAndGet());
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    private static String problem(String type, int status) {
        return "{\"type\":\"https://hirepipe.io/problems/" + type + "\",\"status\":" + status + "}";
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
