package io.hirepipe.defaults.outbox;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * An event waiting, inside the document whose change implies it, to be published. Stored as the
 * exact JSON that goes on the wire, so the relay needs no knowledge of event types.
 */
public record OutboxMessage(
        String eventId,
        String topic,
        String key,
        String type,
        String correlationId,
        String json,
        Instant createdAt,
        String traceparent) {

    public static OutboxMessage of(EventEnvelope<?> envelope) {
        return new OutboxMessage(envelope.eventId(), envelope.topic(), envelope.key(), envelope.type(),
                envelope.correlationId(), EventJson.toJson(envelope), envelope.occurredAt(), TraceParent.current());
    }

    Document toDocument() {
        return new Document("eventId", eventId)
                .append("topic", topic)
                .append("key", key)
                .append("type", type)
                .append("correlationId", correlationId)
                .append("json", json)
                .append("createdAt", createdAt == null ? null : Date.from(createdAt))
                .append("traceparent", traceparent);
    }

    static OutboxMessage fromDocument(Document document) {
        Date created = document.getDate("createdAt");
        return new OutboxMessage(document.getString("eventId"), document.getString("topic"),
                document.getString("key"), document.getString("type"), document.getString("correlationId"),
                document.getString("json"), created == null ? null : created.toInstant(), document.getString("traceparent"));
    }
}
