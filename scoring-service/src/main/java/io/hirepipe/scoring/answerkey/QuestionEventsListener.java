package io.hirepipe.scoring.answerkey;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.QuestionPublished;
import io.hirepipe.contracts.events.QuestionRetired;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the answer-key read model in step with the question bank, and says when a key becomes known. */
@Component
public class QuestionEventsListener {

    private static final Logger log = LoggerFactory.getLogger(QuestionEventsListener.class);

    private final AnswerKeyStore answerKeys;
    private final ApplicationEventPublisher events;

    public QuestionEventsListener(AnswerKeyStore answerKeys, ApplicationEventPublisher events) {
        this.answerKeys = answerKeys;
        this.events = events;
    }

    @KafkaListener(topics = Topics.QUESTIONS)
    public void on(EventEnvelope<EventPayload> envelope) {
        if (envelope.payload() instanceof QuestionPublished published) {
            requireTenant(envelope);
            requireQuestionId(published.questionId(), envelope);
            if (published.kind() == null) {
                throw new NonRetryableEventException("Question " + published.questionId() + " has no kind");
            }
            answerKeys.publish(envelope.tenantId(), published, envelope.eventId());
            log.info("Answer key {}@v{} ({}) stored", published.questionId(), published.version(), published.kind());
            events.publishEvent(new AnswerKeyStored(envelope.tenantId(),
                    new AnswerKeyRef(published.questionId(), published.version())));
        } else if (envelope.payload() instanceof QuestionRetired retired) {
            requireTenant(envelope);
            requireQuestionId(retired.questionId(), envelope);
            if (!answerKeys.retire(envelope.tenantId(), retired.questionId(), retired.version())) {
                log.info("Question {}@v{} retired before this service saw it published; nothing to retire",
                        retired.questionId(), retired.version());
            }
        } else {
            log.debug("Skipping {} event {}", envelope.type(), envelope.eventId());
        }
    }

    private static void requireTenant(EventEnvelope<?> envelope) {
        if (envelope.tenantId() == null || envelope.tenantId().isBlank()) {
            throw new NonRetryableEventException("Event " + envelope.eventId() + " has no tenantId");
        }
    }

    private static void requireQuestionId(String questionId, EventEnvelope<?> envelope) {
        if (questionId == null || questionId.isBlank()) {
            throw new NonRetryableEventException("Event " + envelope.eventId() + " names no question");
        }
    }
}
