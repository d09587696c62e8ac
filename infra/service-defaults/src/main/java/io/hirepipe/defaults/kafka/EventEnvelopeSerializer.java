package io.hirepipe.defaults.kafka;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes envelopes in the contracts' wire format. Raw bytes pass through untouched: the outbox
 * relay sends the exact JSON it stored, and the dead-letter recoverer forwards records that could
 * not even be read.
 */
public class EventEnvelopeSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        if (data instanceof EventEnvelope<?> envelope) {
            return EventJson.toBytes(envelope);
        }
        throw new SerializationException("Only event envelopes go on Hirepipe topics, not "
                + data.getClass().getSimpleName());
    }
}
