package io.hirepipe.scoring.answerkey;

/**
 * An answer key became known to this service (a Spring application event, published on the
 * listener's thread after the key is stored): submissions waiting for it can be scored now.
 */
public record AnswerKeyStored(String tenantId, AnswerKeyRef ref) {
}
