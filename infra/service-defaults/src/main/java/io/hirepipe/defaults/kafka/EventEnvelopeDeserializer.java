package io.hirepipe.defaults.kafka;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.events.EventPayload;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads envelopes. Meant to sit inside spring-kafka's {@code ErrorHandlingDeserializer}, which
 * turns a {@link EventJson.MalformedEventException} into a record the error handler dead-letters.
 */
public class EventEnvelopeDeserializer implements Deserializer<EventEnvelope<EventPayload>> {

    @Override
    public EventEnvelope<EventPayload> deserialize(String topic, byte[] data) {
        return data == null ? null : EventJson.fromBytes(data);
    }
}
