package io.hirepipe.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hirepipe.testkit.HeldPort;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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

    /** The system's pick at the first start, then the same on every restart. */
    private volatile int port;
    /** While stopped: the port, held so that it still refuses connections and nothing else takes it meanwhile. */
    private HeldPort held;
    private final AtomicReference<HttpServer> server = new AtomicReference<>();
    private final AtomicReference<ExecutorService> workers = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger handled = new AtomicInteger();

    private RestartableBackend() {
    }

    static RestartableBackend startOnFreePort() {
        RestartableBackend backend = new RestartableBackend();
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
            port = started.getAddress().getPort();
            server.set(started);
            workers.set(pool);
            if (held != null) {
                held.close();
                held = null;
            }
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
            held = HeldPort.on(port);
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
}
