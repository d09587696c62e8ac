package io.hirepipe.defaults.privacy;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.CandidateErasureCompleted;
import io.hirepipe.contracts.events.CandidateErasureRequested;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.PrivacySettingsChanged;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One service's reader of {@code hirepipe.privacy.v1}: keeps the tenants' settings, erases on request and
 * answers with its completion, and (where an {@link ErasureCompletions} exists) records the others' answers.
 *
 * <p>The completion is sent straight to Kafka rather than through an outbox: erasure is idempotent, so when
 * the send fails the listener fails, the request is redelivered, the erasure runs again (a no-op) and the
 * answer is sent again. Nothing is lost; at worst a repeat reports zero counts.
 */
public class PrivacyEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PrivacyEventsListener.class);

    private final String service;
    private final PrivacySettingsReplica settings;
    private final CandidateDataEraser eraser;
    private final ErasureCompletions completions;
    private final KafkaTemplate<Object, Object> kafka;
    private final Clock clock;

    public PrivacyEventsListener(String service, PrivacySettingsReplica settings, CandidateDataEraser eraser,
                                 ErasureCompletions completions, KafkaTemplate<Object, Object> kafka, Clock clock) {
        this.service = service;
        this.settings = settings;
        this.eraser = eraser;
        this.completions = completions;
        this.kafka = kafka;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.PRIVACY)
    public void on(EventEnvelope<EventPayload> envelope) throws Exception {
        String tenantId = envelope.tenantId();
        if (tenantId == null || tenantId.isBlank()) {
            throw new NonRetryableEventException("Event " + envelope.eventId() + " names no tenant");
        }
        EventPayload payload = envelope.payload();
        if (payload instanceof PrivacySettingsChanged changed) {
            settings.apply(tenantId, changed);
        } else if (payload instanceof CandidateErasureRequested request) {
            Map<String, Long> counts = eraser.erase(tenantId, request);
            log.info("Erasure {} in tenant {}: {}", request.erasureId(), tenantId, counts);
            answer(envelope, new CandidateErasureCompleted(request.erasureId(), service, counts, clock.instant()));
        } else if (payload instanceof CandidateErasureCompleted completion && completions != null) {
            completions.completed(tenantId, completion);
        } else {
            log.debug("Skipping {} {}: not for this service", envelope.type(), envelope.eventId());
        }
    }

    private void answer(EventEnvelope<EventPayload> request, CandidateErasureCompleted completion)
            throws InterruptedException, ExecutionException, TimeoutException {
        EventEnvelope<CandidateErasureCompleted> answer =
                EventEnvelope.of(completion, request.tenantId(), request.correlationId());
        kafka.send(new ProducerRecord<>(Topics.PRIVACY, completion.partitionKey(), answer)).get(10, TimeUnit.SECONDS);
    }
}
