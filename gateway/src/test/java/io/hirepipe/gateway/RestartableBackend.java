package io.hirepipe.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP service process stand-in that can be stopped (its port then refuses connections, as
 * a killed service's would) and started again on the same port. It echoes the correlation id the
 * way the services do, and can be told to answer slowly or with an error status.
 */
final class RestartableBackend {

    private final int port;
    private final AtomicReference<HttpServer> server = new AtomicReference<>();
    private final AtomicReference<ExecutorService> workers = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger handled = new AtomicInteger();

    private RestartableBackend(int port) {
        this.port = port;
    }

    static RestartableBackend startOnFreePort() {
        RestartableBackend backend = new RestartableBackend(freePort());
        backend.start();
        return backend;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    synchronized void start() {
        if (server.get() != null) {
            return;
        }
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            ExecutorService pool = Executors.newFixedThreadPool(8, runnable -> {
                Thread thread = new Thread(runnable, "restartable-backend-" + port);
                thread.setDaemon(true);
                return thread;
            });
            started.setExecutor(pool);
            started.createContext("/", this::handle);
            started.start();
            server.set(started);
            workers.set(pool);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the backend on port " + port, e);
        }
    }

    /** Closes the listening socket and every open connection at once, like a killed process. */
    synchronized void stop() {
        HttpServer running = server.getAndSet(null);
        if (running != null) {
            running.stop(0);
            workers.getAndSet(null).shutdownNow();
        }
    }

    void answer(int statusCode, Duration after) {
        status.set(statusCode);
        delay.set(after);
    }

    int handled() {
        return handled.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Duration wait = delay.get();
            if (!wait.isZero()) {
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            handled.incrementAndGet();
            String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
            if (correlationId != null) {
                exchange.getResponseHeaders().set("X-Correlation-Id", correlationId);
            }
            byte[] body = ("{\"port\":" + port + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
