package io.hirepipe.testkit;

import java.nio.charset.StandardCharsets;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.events.EventPayload;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of a topic as {@link EventTopics} read it: the record as it is on the broker, and the envelope
 * its bytes decode to with {@link EventJson}.
 *
 * <p>Bytes that are not an envelope (a poison record on a dead-letter topic, a tombstone) are kept, with a null
 * envelope, rather than failing the read: a test looking at a dead-letter topic must be able to see them.
 *
 * @param raw      key, bytes, headers, topic, partition and offset as Kafka delivered them
 * @param envelope the decoded event, or null when the value is null or not an event envelope
 */
public record EventRecord(ConsumerRecord<String, byte[]> raw, EventEnvelope<EventPayload> envelope) {

    /** Decodes {@code raw}'s value; never throws for a value that is not an envelope. */
    public static EventRecord of(ConsumerRecord<String, byte[]> raw) {
        return new EventRecord(raw, decode(raw.value()));
    }

    private static EventEnvelope<EventPayload> decode(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return EventJson.fromBytes(value);
        } catch (EventJson.MalformedEventException notAnEvent) {
            return null;
        }
    }

    public String topic() {
        return raw.topic();
    }

    public String key() {
        return raw.key();
    }

    /** The bytes exactly as they are on the topic. */
    public byte[] value() {
        return raw.value();
    }

    /** The envelope's payload, or null when the record is not an event: safe in {@code instanceof} filters. */
    public EventPayload payload() {
        return envelope == null ? null : envelope.payload();
    }

    /** The last header of that name as UTF-8 text, or null when there is none. */
    public String header(String name) {
        Header header = raw.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return topic() + "-" + raw.partition() + "@" + raw.offset() + " key=" + key()
                + (envelope == null ? " (not an event)" : " " + envelope.type() + " " + envelope.eventId());
    }
}
