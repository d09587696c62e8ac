package io.hirepipe.gateway.audit;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Entries handed over off the response path are not lost: failed writes are retried, shutdown waits for them. */
class AuditWriteBehindTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** A store in memory whose first writes fail, or whose writes wait for an answer, as a struggling MongoDB's would. */
    private static final class FlakyStore extends AuditTrail {

        final List<AuditEntry> stored = new CopyOnWriteArrayList<>();
        final AtomicInteger attempts = new AtomicInteger();
        private final int failFirst;
        private final Mono<?> answered;

        FlakyStore(int failFirst, Mono<?> answered) {
            super(null);
            this.failFirst = failFirst;
            this.answered = answered;
        }

        @Override
        public Mono<Void> record(AuditEntry entry) {
            return answered.then(Mono.defer(() -> attempts.incrementAndGet() <= failFirst
                    ? Mono.error(new IllegalStateException("primary stepped down"))
                    : Mono.fromRunnable(() -> stored.add(entry))));
        }
    }

    @Test
    void aWriteThatFailsIsRetriedUntilItIsStored() {
        FlakyStore store = new FlakyStore(2, Mono.empty());
        AuditWriteBehind writes = new AuditWriteBehind(store, meters);

        writes.record(entry());

        await().atMost(Duration.ofSeconds(10)).until(() -> store.stored.size() == 1);
        assertThat(store.attempts).hasValue(3);
        assertThat(meters.counter("hirepipe.gateway.audit.write.failures").count()).isZero();
    }

    @Test
    void aWriteThatNeverSucceedsIsCounted() {
        FlakyStore store = new FlakyStore(Integer.MAX_VALUE, Mono.empty());
        AuditWriteBehind writes = new AuditWriteBehind(store, meters);

        writes.record(entry());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.counter("hirepipe.gateway.audit.write.failures").count() == 1);
        assertThat(store.stored).isEmpty();
    }

    @Test
    void shutdownWaitsForTheWritesStillRunning() {
        // The store answers only once released, not after a fixed delay: a stalled test thread could otherwise
        // find the writes done before it looked, and a drain that waits for nothing would pass.
        CompletableFuture<Void> mongoAnswers = new CompletableFuture<>();
        FlakyStore store = new FlakyStore(0, Mono.fromFuture(mongoAnswers));
        AuditWriteBehind writes = new AuditWriteBehind(store, meters);

        writes.record(entry());
        writes.record(entry());
        assertThat(store.stored).as("handed over, not stored yet").isEmpty();
        mongoAnswers.completeAsync(() -> null, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        writes.drain();

        assertThat(store.stored).hasSize(2);
    }

    private static AuditEntry entry() {
        return AuditEntry.byCaller(Caller.user("t-1", "usr-1", "rita@acme.test", Role.RECRUITER), "auth.login", "user",
                "usr-1", "FAILURE", Map.of("channel", "API"), "corr-1", Instant.now());
    }
}
