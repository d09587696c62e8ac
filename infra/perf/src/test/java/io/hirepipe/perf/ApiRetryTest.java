package io.hirepipe.perf;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Preparation against a real HTTP server whose breaker is open for a while, as the gateway answers then. */
class ApiRetryTest {

    private static final String OPEN = "{\"type\":\"https://hirepipe.io/problems/downstream-circuit-open\",\"status\":503}";

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
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean running = requests.incrementAndGet() == 1;
            byte[] body = (running ? "{\"type\":\"https://hirepipe.io/problems/idempotent-request-in-progress\",\"status\":409}"
                    : "{\"rows\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(running ? 409 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();

        Api.Response answer = new Api(url()).post("/api/v1/invitations/bulk", "{}", "Idempotency-Key", "k1");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(requests).hasValue(2);
    }

    @Test
    void anOrdinaryConflictIsAnAnswerNotARetry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"type\":\"https://hirepipe.io/problems/already-replayed\",\"status\":409}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(409, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();

        assertThat(new Api(url()).post("/x", "{}").status()).isEqualTo(409);
        assertThat(requests).hasValue(1);
    }

    /** Answers 503 (breaker open, with {@code retryAfter}) to the first {@code refusals} requests, then 200. */
    private void start(int refusals, String retryAfter) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean refuse = requests.incrementAndGet() <= refusals;
            byte[] body = (refuse ? OPEN : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
            if (refuse) {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(refuse ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
