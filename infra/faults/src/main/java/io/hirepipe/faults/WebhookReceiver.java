package io.hirepipe.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A tenant's webhook endpoint on this machine that can be made to fail: answer 204, answer 500, or hang
 * (hold the request for a minute without answering). A delivery counts as an effect only when it was
 * answered 2xx; its event ids are kept per session so a second effect of one event is seen.
 */
final class WebhookReceiver implements AutoCloseable {

    enum Mode { OK, FAIL, HANG }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.OK);
    private final AtomicInteger refused = new AtomicInteger();
    /** sessionId → event ids delivered and answered 2xx (a set: a redelivery of one event is not a new effect). */
    private final Map<String, Set<String>> acceptedEvents = new ConcurrentHashMap<>();
    /** sessionId → number of 2xx-answered deliveries (more than its event ids: the same event delivered twice). */
    private final Map<String, AtomicInteger> acceptedDeliveries = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hook", receiver::handle);
            server.setExecutor(receiver.executor);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("webhook receiver did not start", e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    void mode(Mode newMode) {
        mode.set(newMode);
    }

    int refused() {
        return refused.get();
    }

    /** Sessions with at least one accepted delivery, and how many distinct events each got. */
    Map<String, Set<String>> acceptedEvents() {
        return Map.copyOf(acceptedEvents);
    }

    int acceptedDeliveries(String sessionId) {
        AtomicInteger count = acceptedDeliveries.get(sessionId);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Mode now = mode.get();
            if (now == Mode.HANG) {
                StackUnderTest.sleep(java.time.Duration.ofSeconds(60));
            }
            if (now != Mode.OK) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            JsonNode event = Gateway.JSON.readTree(body);
            String sessionId = event.path("data").path("sessionId").asString("");
            String eventId = event.path("eventId").asString(exchange.getRequestHeaders().getFirst("webhook-id"));
            acceptedEvents.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(eventId);
            acceptedDeliveries.computeIfAbsent(sessionId, id -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
