package io.hirepipe.perf;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * P2's backend: answers every request with a small JSON after a fixed delay, on loopback. A gateway
 * routed to it shows what the gateway adds in front of a slow service, without changing any service.
 */
final class DelayedBackend implements AutoCloseable {

    private static final byte[] BODY = "{\"id\":\"q_stub\",\"title\":\"A question from a slow backend\"}"
            .getBytes(StandardCharsets.UTF_8);

    static {
        // The JDK server writes the headers and the body separately; with Nagle's algorithm on, the body
        // waits for the client's delayed ACK (40 ms on Linux), so a "50 ms" backend answered in ~90 ms.
        // Read once, when the JDK server's configuration class loads, hence before any server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads;

    private DelayedBackend(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** @param threadCount at least the load's concurrency, so requests wait for the delay only, never for a thread */
    static DelayedBackend start(long delayMillis, int threadCount) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            ExecutorService threads = Executors.newFixedThreadPool(threadCount);
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    Thread.sleep(delayMillis);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, BODY.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(BODY);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.start();
            return new DelayedBackend(server, threads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
