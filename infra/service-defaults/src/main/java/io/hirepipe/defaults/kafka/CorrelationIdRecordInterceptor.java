package io.hirepipe.defaults.kafka;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.defaults.correlation.CorrelationId;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

import java.nio.charset.StandardCharsets;

/**
 * While a listener handles a record, the MDC carries the correlation id of the request that caused
 * it (from the record header, else from the envelope), so consumer logs and the events a listener
 * emits in turn stay on the same thread of evidence.
 */
public class CorrelationIdRecordInterceptor implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                    Consumer<Object, Object> consumer) {
        MDC.put(CorrelationId.MDC_KEY, CorrelationId.sanitize(correlationIdOf(record)));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(CorrelationId.MDC_KEY);
    }

    static String correlationIdOf(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(CorrelationId.HEADER);
        if (header != null && header.value() != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        return record.value() instanceof EventEnvelope<?> envelope ? envelope.correlationId() : null;
    }
}
