package io.hirepipe.gateway.audit;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.CallerKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One line of a tenant's audit log: who did what to which target, when, with what outcome, and the
 * correlation id that finds the request in every service's logs. Written once, never changed.
 *
 * @param id         the event id of the {@link AuditRecorded} it came from (a fresh id for the gateway's own
 *                   entries): a redelivered event finds it taken and adds nothing
 * @param recordedAt when the gateway stored it
 */
@Document(AuditEntry.COLLECTION)
public record AuditEntry(
        @Id String id,
        String tenantId,
        String action,
        String actorId,
        String actorKind,
        String actorEmail,
        String targetType,
        String targetId,
        String outcome,
        Map<String, String> details,
        Instant occurredAt,
        String correlationId,
        Instant recordedAt) {

    public static final String COLLECTION = "audit_log";

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** An action the gateway itself saw, by a caller it authenticated. */
    public static AuditEntry byCaller(Caller caller, String action, String targetType, String targetId, String outcome,
                                      Map<String, String> details, String correlationId, Instant at) {
        return new AuditEntry(UUID.randomUUID().toString(), caller.tenantId(), action, caller.subject(),
                caller.kind().name(), caller.is(CallerKind.RECRUITER) ? caller.email() : null, targetType, targetId,
                outcome, details, at, correlationId, at);
    }

    /** An entry a service emitted; the envelope names the tenant and the request. */
    static AuditEntry of(EventEnvelope<?> envelope, AuditRecorded event, Instant recordedAt) {
        return new AuditEntry(envelope.eventId(), envelope.tenantId(), event.action(), event.actorId(),
                event.actorKind(), event.actorEmail(), event.targetType(), event.targetId(), event.outcome(),
                event.details(), event.occurredAt() != null ? event.occurredAt() : envelope.occurredAt(),
                envelope.correlationId(), recordedAt);
    }
}
