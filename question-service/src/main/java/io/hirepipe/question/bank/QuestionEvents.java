package io.hirepipe.question.bank;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.QuestionPublished;
import io.hirepipe.contracts.events.QuestionRetired;
import io.hirepipe.defaults.correlation.CorrelationId;

import java.time.Instant;

/** The events of the question lifecycle, as they go into the outbox. */
final class QuestionEvents {

    private QuestionEvents() {
    }

    /** Carries the full item, answer key and rubric included: scoring builds its read model from it alone. */
    static EventEnvelope<QuestionPublished> published(PublishedQuestion published, String tenantId) {
        QuestionContent content = published.content();
        QuestionPublished payload = new QuestionPublished(published.questionId(), published.version(),
                content.kind(), content.title(), content.prompt(), content.options(), content.correctOptionIds(),
                content.rubric(), content.points(), content.tags(), content.choiceScoring());
        return EventEnvelope.of(payload, tenantId, CorrelationId.currentOrNew(), published.publishedAt());
    }

    static EventEnvelope<QuestionRetired> retired(String questionId, int version, String tenantId, Instant at) {
        return EventEnvelope.of(new QuestionRetired(questionId, version), tenantId, CorrelationId.currentOrNew(), at);
    }
}
