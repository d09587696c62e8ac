package io.hirepipe.defaults.privacy;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.CandidateErasureCompleted;
import io.hirepipe.contracts.events.CandidateErasureRequested;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.PrivacySettingsChanged;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import java.time.Clock;
import java.util.Map;

/**
 * One service's reader of {@code hirepipe.privacy.v1}: keeps the tenants' settings, erases on request and
 * answers with its completion, and (where an {@link ErasureCompletions} exists) records the others' answers.
 *
 * <p>On a request it first records the candidate's tombstone ({@link ErasedCandidates}), so that from then
 * on this service's consumers drop the candidate's late events, then erases, then answers through the outbox
 * ({@link ErasureAnswers}): the counts and the completion are written in one update and published by the relay.
 * A redelivered request that was answered changes nothing and answers nothing again (the first counts stand);
 * one that stopped between erasing and answering erases again and answers with what the request erased over
 * both runs ({@link CandidateDataEraser#erase} counts by the request's mark), not with zeros.
 */
public class PrivacyEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PrivacyEventsListener.class);

    private final String service;
    private final PrivacySettingsReplica settings;
    private final CandidateDataEraser eraser;
    private final ErasureCompletions completions;
    private final ErasedCandidates erased;
    private final ErasureAnswers answers;
    private final Clock clock;

    public PrivacyEventsListener(String service, PrivacySettingsReplica settings, CandidateDataEraser eraser,
                                 ErasureCompletions completions, ErasedCandidates erased, ErasureAnswers answers,
                                 Clock clock) {
        this.service = service;
        this.settings = settings;
        this.eraser = eraser;
        this.completions = completions;
        this.erased = erased;
        this.answers = answers;
        this.clock = clock;
    }

    @KafkaListener(topics = Topics.PRIVACY)
    public void on(EventEnvelope<EventPayload> envelope) {
        String tenantId = envelope.tenantId();
        if (tenantId == null || tenantId.isBlank()) {
            throw new NonRetryableEventException("Event " + envelope.eventId() + " names no tenant");
        }
        EventPayload payload = envelope.payload();
        if (payload instanceof PrivacySettingsChanged changed) {
            settings.apply(tenantId, changed);
        } else if (payload instanceof CandidateErasureRequested request) {
            erase(envelope, request);
        } else if (payload instanceof CandidateErasureCompleted completion && completions != null) {
            completions.completed(tenantId, completion);
        } else {
            log.debug("Skipping {} {}: not for this service", envelope.type(), envelope.eventId());
        }
    }

    private void erase(EventEnvelope<EventPayload> envelope, CandidateErasureRequested request) {
        String tenantId = envelope.tenantId();
        // the tombstone first: a consumer that stores the candidate's data after this either sees it and stops,
        // or stored before it and the erasure below finds what it stored
        erased.record(tenantId, request, clock.instant());
        if (!answers.begin(tenantId, request.erasureId(), clock.instant())) {
            log.info("Erasure {} in tenant {} was answered before; the first counts stand", request.erasureId(), tenantId);
            return;
        }
        Map<String, Long> counts = eraser.erase(tenantId, request);
        log.info("Erasure {} in tenant {}: {}", request.erasureId(), tenantId, counts);
        answers.answer(EventEnvelope.of(new CandidateErasureCompleted(request.erasureId(), service, counts,
                clock.instant()), tenantId, envelope.correlationId()));
    }
}
