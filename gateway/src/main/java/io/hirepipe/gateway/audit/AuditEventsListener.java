package io.hirepipe.gateway.audit;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Files the services' {@link AuditRecorded} events in the audit log. The listener thread waits for the
 * insert (the offset is committed only once the entry is stored); a store failure is retried and then
 * dead-lettered by the shared error handler, and an entry that names no tenant or action goes to the
 * dead-letter topic at once: it could never be filed.
 */
@Component
class AuditEventsListener {

    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(10);

    private final AuditTrail trail;
    private final Clock clock;

    AuditEventsListener(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.AUDIT, groupId = "${hirepipe.gateway.audit.consumer-group:gateway-audit}",
            autoStartup = "${hirepipe.gateway.audit.consume:true}")
    void on(EventEnvelope<EventPayload> envelope) {
        if (!(envelope.payload() instanceof AuditRecorded recorded)) {
            return;
        }
        if (isBlank(envelope.tenantId()) || isBlank(recorded.action()) || isBlank(recorded.actorId())) {
            throw new NonRetryableEventException("AuditRecorded " + envelope.eventId()
                    + " names no tenant, action or actor; it cannot be filed");
        }
        trail.record(AuditEntry.of(envelope, recorded, clock.instant())).block(STORE_TIMEOUT);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
