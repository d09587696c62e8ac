package io.hirepipe.gateway.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Audit entries written off the response path, for an answer whose timing must not depend on whether there was
 * anything to record: a refused sign-in is filed under the account's tenant, and an unknown email has no tenant,
 * so waiting for the write would tell the two apart by a few milliseconds. The entry is handed over and the
 * answer goes out at once.
 *
 * <p>Nothing is lost to that: a failed write is retried (the entry keeps its id, so a retry after a write that did
 * land adds nothing), and on shutdown the gateway waits for the writes still running before MongoDB's client
 * closes (beans are destroyed before what they depend on). A write that still fails is logged by entry id, action
 * and tenant (never the email) and counted in {@code hirepipe_gateway_audit_write_failures_total}.
 */
@Component
public class AuditWriteBehind {

    private static final Logger log = LoggerFactory.getLogger(AuditWriteBehind.class);

    /** About 6 s of trying in all: longer than a MongoDB primary election usually takes. */
    private static final Retry RETRIES = Retry.backoff(5, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(2));
    /** Bounds the wait at shutdown: the retries above end well within it. */
    private static final Duration DRAIN_FOR = Duration.ofSeconds(15);

    private final AuditTrail trail;
    private final Set<CompletableFuture<Void>> running = ConcurrentHashMap.newKeySet();
    private final Counter failures;

    public AuditWriteBehind(AuditTrail trail, MeterRegistry meters) {
        this.trail = trail;
        this.failures = Counter.builder("hirepipe.gateway.audit.write.failures")
                .description("Audit entries written off the response path that could not be stored").register(meters);
        Gauge.builder("hirepipe.gateway.audit.writes.pending", running, Set::size)
                .description("Audit entries handed over and not stored yet").register(meters);
    }

    /** Starts storing the entry and returns at once. */
    public void record(AuditEntry entry) {
        // Subscribed on another thread: even the driver's first steps (encoding, taking a connection) stay off the
        // caller's, which only hands a task over.
        CompletableFuture<Void> write = Mono.defer(() -> trail.record(entry)).retryWhen(RETRIES)
                .subscribeOn(Schedulers.parallel()).toFuture();
        running.add(write);
        write.whenComplete((done, failure) -> {
            running.remove(write);
            if (failure != null) {
                failures.increment();
                // The class only: a driver's message may quote the document, and so the email.
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                log.error("Audit entry {} ({}, tenant {}) could not be stored: {}", entry.id(), entry.action(),
                        entry.tenantId(), cause.getClass().getName());
            }
        });
    }

    /** Waits, for a bounded time, for the writes still running. */
    @PreDestroy
    void drain() {
        CompletableFuture<?>[] pending = running.toArray(CompletableFuture[]::new);
        if (pending.length == 0) {
            return;
        }
        try {
            CompletableFuture.allOf(pending).get(DRAIN_FOR.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failedWrite) {
            // Each failure was logged and counted where it happened.
        } catch (TimeoutException stillRunning) {
            log.error("{} audit entries were still being stored at shutdown", running.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
