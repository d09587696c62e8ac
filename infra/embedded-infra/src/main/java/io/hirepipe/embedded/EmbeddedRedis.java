package io.hirepipe.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real Redis 6.2 server (the binary shipped inside the embedded-redis jar) running as a child process,
 * bound to 127.0.0.1. Nothing is persisted: it is a cache and a rate-limit store here, not a database.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final RedisServer server;
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

    @Override
    public void close() {
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
