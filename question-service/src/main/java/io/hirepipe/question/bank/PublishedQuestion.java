package io.hirepipe.question.bank;

import java.time.Instant;

/**
 * One published version of a question, frozen: sessions and scoring refer to it by
 * (questionId, version), so it never changes once written.
 */
public record PublishedQuestion(String questionId, int version, QuestionContent content, Instant publishedAt) {
}
