package io.hirepipe.contracts;

import io.hirepipe.contracts.events.EventPayload;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one shape of every message on every topic.
 *
 * @param eventId       unique per event; consumers use it (with the effect) as their idempotency key
 * @param type          the wire name of the payload type, see {@link EventType}
 * @param tenantId      the tenant every effect of this event belongs to
 * @param correlationId the id of the request that caused the event, carried into every log line
 */
public record EventEnvelope<P extends EventPayload>(
        String eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String tenantId,
        String correlationId,
        P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    public static <P extends EventPayload> EventEnvelope<P> of(P payload, String tenantId, String correlationId) {
        return of(payload, tenantId, correlationId, Instant.now());
    }

    public static <P extends EventPayload> EventEnvelope<P> of(P payload, String tenantId, String correlationId,
                                                               Instant occurredAt) {
        EventType type = EventType.of(payload);
        return new EventEnvelope<>(UUID.randomUUID().toString(), type.wireName(), type.schemaVersion(),
                occurredAt, tenantId, correlationId, payload);
    }

    /**
     * Spring Kafka logs each message it hands a listener by toString at DEBUG, payload included: a record's would
     * print the event's recruiter, links and answers. The ids say which event it was; its content stays in the topic.
     */
    @Override
    public String toString() {
        return "EventEnvelope[eventId=" + eventId + ", type=" + type + ", schemaVersion=" + schemaVersion
                + ", occurredAt=" + occurredAt + ", tenantId=" + tenantId + ", correlationId=" + correlationId
                + ", payload hidden]";
    }

    public String topic() {
        return EventType.of(payload).topic();
    }

    public String key() {
        return payload.partitionKey();
    }
}
