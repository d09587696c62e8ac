package io.hirepipe.testkit;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.springframework.boot.SpringApplication;
import org.slf4j.LoggerFactory;

/**
 * Stops everything the kit started when the test JVM exits, newest first. One hook for all servers, so they
 * stop in a predictable order instead of racing each other. It runs as a Spring Boot shutdown handler,
 * which Boot calls after it has closed every application context: stopping Kafka while a cached test
 * context is still shutting down would make each of its lifecycle phases wait for a broker that is gone.
 */
final class JvmShutdown {

    private static final Logger log = LoggerFactory.getLogger(JvmShutdown.class);

    private static final Deque<Named> started = new ArrayDeque<>();
    private static boolean hookInstalled;

    private record Named(String name, AutoCloseable resource) {
    }

    private JvmShutdown() {
    }

    /** Registers {@code resource} to be closed at JVM exit and returns it. */
    static synchronized <T extends AutoCloseable> T closeOnExit(String name, T resource) {
        if (!hookInstalled) {
            SpringApplication.getShutdownHandlers().add(JvmShutdown::closeAll);
            hookInstalled = true;
        }
        started.push(new Named(name, resource));
        return resource;
    }

    private static synchronized void closeAll() {
        while (!started.isEmpty()) {
            Named next = started.pop();
            try {
                next.resource().close();
            } catch (Exception e) {
                // the JVM is going away; one server failing to stop must not keep the others running
                log.warn("Could not stop {}: {}", next.name(), e.toString());
            }
        }
    }
}
