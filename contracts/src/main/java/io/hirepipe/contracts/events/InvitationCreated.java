package io.hirepipe.contracts.events;

import java.time.Instant;

/**
 * A candidate was invited to a test.
 *
 * <p>v2 adds {@code sealedAccessUrl}; a v2 producer leaves {@code accessUrl} null so the token never
 * sits in plain text in Kafka, an outbox or a dead letter. Readers accept both (a v1 event still
 * carries the plain link).
 *
 * @param accessUrl       v1 only: the candidate's personal link in plain text, the token included
 * @param sealedAccessUrl v2: the same link as a compact JWE (RSA-OAEP-256 + A256GCM) for
 *                        notification-service's public key; only notification-service, which holds
 *                        the private key, can open it to email the candidate
 * @param durationMinutes the test's own time
 * @param extraTimeMinutes v3: the candidate's extra time on top of it (an agreed accommodation); 0 in older events
 */
public record InvitationCreated(
        String invitationId,
        String testId,
        String testTitle,
        Person candidate,
        String recruiterEmail,
        String accessUrl,
        int durationMinutes,
        Instant expiresAt,
        String sealedAccessUrl,
        int extraTimeMinutes) implements EventPayload {

    @Override
    public String partitionKey() {
        return invitationId;
    }
}
