package io.hirepipe.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real Redis 6.2 server (the binary shipped inside the embedded-redis jar) running as a child process,
 * bound to 127.0.0.1. Nothing is persisted: it is a cache and a rate-limit store here, not a database.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    /** A new server replaces a stopped one in {@link #startAgain()}. */
    private volatile RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param port the port on 127.0.0.1, or 0 for any free port
     * @throws PortInUseException when the port is taken
     */
    public static EmbeddedRedis start(int port) {
        PortCheck.requireFree("Redis", port);
        // redis-server cannot pick a port itself and report it back, so "any port" is resolved here
        int actualPort = port == 0 ? PortCheck.freePort() : port;
        RedisServer server = build(actualPort);
        try {
            server.start();
        } catch (IOException | RuntimeException failure) {
            stopQuietly(server);
            // redis-server reports a taken port only in its output; looking at the port again tells the cause reliably
            if (PortCheck.isBindFailure(failure) || !PortCheck.isFree(actualPort)) {
                throw new PortInUseException("Redis", actualPort, failure);
            }
            throw new IllegalStateException("Embedded Redis did not start: " + failure.getMessage(), failure);
        }
        log.info("Embedded Redis started on 127.0.0.1:{}", actualPort);
        return new EmbeddedRedis(server, actualPort);
    }

    public String host() {
        return PortCheck.LOOPBACK;
    }

    public int port() {
        return port;
    }

    /** For example {@code redis://127.0.0.1:6379}. */
    public String uri() {
        return "redis://" + PortCheck.LOOPBACK + ":" + port;
    }

    /** Stops the server (a fault, for the fault harness); {@link #startAgain()} starts it empty on the same port. */
    public synchronized void stop() {
        close();
        log.info("Embedded Redis on 127.0.0.1:{} stopped", port);
    }

    /** Starts the server stopped by {@link #stop()} again, empty, on the same port. */
    public synchronized void startAgain() {
        if (server.isActive()) {
            return;
        }
        RedisServer restarted = build(port);
        try {
            restarted.start();
            server = restarted;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded Redis again on port " + port, e);
        }
        log.info("Embedded Redis started again on 127.0.0.1:{}", port);
    }

    /** {@code FLUSHALL}: every key gone, as after a failover to an empty replica. */
    public void flushAll() {
        try (Socket socket = new Socket(PortCheck.LOOPBACK, port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (!"+OK".equals(reply)) {
                throw new IllegalStateException("FLUSHALL answered " + reply);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not FLUSHALL Redis on port " + port, e);
        }
    }

    public boolean isRunning() {
        return server.isActive();
    }

    @Override
    public void close() {
        if (!server.isActive()) {
            return;
        }
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop embedded Redis on port " + port, e);
        }
    }

    private static RedisServer build(int port) {
        try {
            return RedisServer.newRedisServer()
                    .bind(PortCheck.LOOPBACK)
                    .port(port)
                    // no dump.rdb or appendonly file: nothing to clean up, no pause on shutdown
                    .setting("save \"\"")
                    .setting("appendonly no")
                    // the output pipes must be drained or redis-server blocks once they fill up
                    .soutListener(line -> log.debug("redis: {}", line))
                    .serrListener(line -> log.warn("redis: {}", line))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded Redis binary", e);
        }
    }

    private static void stopQuietly(RedisServer server) {
        try {
            server.stop();
        } catch (IOException | RuntimeException ignored) {
            // the start failure is the interesting one
        }
    }
}
