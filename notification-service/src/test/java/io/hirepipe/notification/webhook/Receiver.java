package io.hirepipe.notification.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A real HTTP webhook receiver on loopback (JDK HttpServer). Answers each request with the status
 * the script gives for its number (1-based), records what arrived, and can hang until released.
 */
final class Receiver implements AutoCloseable {

    record Request(long receivedAtNanos, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile IntFunction<Integer> script;
    private volatile CountDownLatch hang;
    private volatile String location;
    private volatile String retryAfter;

    private Receiver(IntFunction<Integer> script) throws IOException {
        this.script = script;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(System.nanoTime(), Map.copyOf(exchange.getRequestHeaders()), body));
            }
            int n = count.incrementAndGet();
            CountDownLatch latch = hang;
            if (latch != null) {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = this.script.apply(n);
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            if (retryAfter != null && (status < 200 || status > 299)) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static Receiver answering(int status) throws IOException {
        return new Receiver(n -> status);
    }

    /** Fails the first {@code failures} requests with 503, then answers 200. */
    static Receiver failingFirst(int failures) throws IOException {
        return new Receiver(n -> n <= failures ? 503 : 200);
    }

    /** Every request waits until {@link #close()}, as a receiver that accepted the connection and hung. */
    static Receiver hanging() throws IOException {
        Receiver receiver = new Receiver(n -> 200);
        receiver.hang = new CountDownLatch(1);
        return receiver;
    }

    /** Answers the first request 503 asking, in {@code Retry-After}, for the given wait; then 200. */
    static Receiver busyFirst(String retryAfter) throws IOException {
        Receiver receiver = new Receiver(n -> n == 1 ? 503 : 200);
        receiver.retryAfter = retryAfter;
        return receiver;
    }

    static Receiver redirectingTo(String location) throws IOException {
        Receiver receiver = new Receiver(n -> 302);
        receiver.location = location;
        return receiver;
    }

    void answer(IntFunction<Integer> script) {
        this.script = script;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        CountDownLatch latch = hang;
        if (latch != null) {
            latch.countDown();
        }
        server.stop(0);
    }
}
