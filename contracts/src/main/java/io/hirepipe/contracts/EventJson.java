package io.hirepipe.contracts;

import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.UnrecognizedEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Optional;

/**
 * The wire format of {@link EventEnvelope}: JSON, the type named by {@link EventType} wire names
 * (no Java class names), ISO-8601 instants, decimals as plain JSON numbers (never 1E+2), unknown
 * fields ignored so that producers may add fields before consumers know them.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // an enum value added by a newer producer reads as the value its enum marks as the cautious default
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            // decimals (points) are read exactly, never through a double
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private EventJson() {
    }

    public static byte[] toBytes(EventEnvelope<?> envelope) {
        return MAPPER.writeValueAsBytes(envelope);
    }

    public static String toJson(EventEnvelope<?> envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    /**
     * Reads an envelope. A type this build does not know yields an {@link UnrecognizedEvent}
     * payload rather than an error.
     *
     * @throws MalformedEventException when the bytes are not an envelope at all
     */
    public static EventEnvelope<EventPayload> fromBytes(byte[] bytes) {
        try {
            return fromTree(MAPPER.readTree(bytes));
        } catch (JacksonException e) {
            throw new MalformedEventException("Not a readable event envelope: " + e.getOriginalMessage(), e);
        }
    }

    public static EventEnvelope<EventPayload> fromJson(String json) {
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JacksonException e) {
            throw new MalformedEventException("Not a readable event envelope: " + e.getOriginalMessage(), e);
        }
    }

    private static EventEnvelope<EventPayload> fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("An event envelope must be a JSON object");
        }
        String eventId = requiredText(root, "eventId");
        String type = requiredText(root, "type");
        JsonNode payloadNode = root.get("payload");
        if (payloadNode == null || !payloadNode.isObject()) {
            throw new MalformedEventException("Event " + eventId + " has no payload object");
        }
        int schemaVersion = root.path("schemaVersion").asInt(EventType.SCHEMA_VERSION);
        Optional<EventType> known = EventType.fromWireName(type);
        EventPayload payload = known.<EventPayload>map(t -> payloadOf(t, schemaVersion, payloadNode))
                .orElseGet(() -> new UnrecognizedEvent(type, payloadNode, null));
        return new EventEnvelope<>(
                eventId,
                type,
                schemaVersion,
                root.hasNonNull("occurredAt") ? MAPPER.treeToValue(root.get("occurredAt"), Instant.class) : null,
                root.path("tenantId").asString(null),
                root.path("correlationId").asString(null),
                payload);
    }

    /**
     * A payload this build cannot read (say a value of a newer producer's that no default covers) is dead-lettered
     * with its type, version and field named, so that it can be replayed once this service is upgraded.
     */
    private static EventPayload payloadOf(EventType type, int schemaVersion, JsonNode payloadNode) {
        try {
            return MAPPER.treeToValue(payloadNode, type.payloadType());
        } catch (JacksonException e) {
            throw new MalformedEventException("A " + type.wireName() + " v" + schemaVersion + " payload this build"
                    + " (which writes v" + type.schemaVersion() + ") cannot read at '" + e.getPathReference() + "': "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new MalformedEventException("An event envelope needs a '" + field + "' string");
        }
        return node.asString();
    }

    /** The record is not an event envelope; retrying cannot help. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }

        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
