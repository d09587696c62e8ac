package io.hirepipe.contracts.events;

import java.time.Instant;

/**
 * A candidate was invited to a test.
 *
 * @param accessUrl the candidate's personal link, the invitation token included: only
 *                  notification-service reads it, to email the candidate
 */
public record InvitationCreated(
        String invitationId,
        String testId,
        String testTitle,
        Person candidate,
        String recruiterEmail,
        String accessUrl,
        int durationMinutes,
        Instant expiresAt) implements EventPayload {

    @Override
    public String partitionKey() {
        return invitationId;
    }
}
