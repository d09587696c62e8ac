package io.hirepipe.gateway;

import io.hirepipe.gateway.audit.AuditEntry;
import io.hirepipe.gateway.audit.AuditTrail;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * The real audit store (the test kit's MongoDB), which a test can make slow, as a loaded or failing-over MongoDB
 * would be: every write then waits {@link #delay} first. Zero (no wait) unless a test sets it.
 */
@TestConfiguration(proxyBeanMethods = false)
class SlowAuditStore {

    static volatile Duration delay = Duration.ZERO;

    @Bean
    @Primary
    AuditTrail slowableAuditTrail(ReactiveMongoTemplate mongo) {
        return new AuditTrail(mongo) {
            @Override
            public Mono<Void> record(AuditEntry entry) {
                Duration wait = delay;
                return wait.isZero() ? super.record(entry) : Mono.delay(wait).then(super.record(entry));
            }
        };
    }
}
