package io.hirepipe.scoring.result;

import io.hirepipe.scoring.answerkey.AnswerKeyRef;

import java.util.List;

/**
 * A submission refers to question versions whose QuestionPublished has not reached this service
 * yet. Retryable on purpose: the shared Kafka error handler tries the record again with back-off
 * (the question event is usually just behind), and dead-letters it only after its last attempt,
 * so a submission is never scored as zero for a key we do not have.
 */
public class AnswerKeysNotYetKnownException extends RuntimeException {

    public AnswerKeysNotYetKnownException(String sessionId, List<AnswerKeyRef> missing) {
        super("Session " + sessionId + " cannot be scored yet: no answer key for " + missing);
    }
}
