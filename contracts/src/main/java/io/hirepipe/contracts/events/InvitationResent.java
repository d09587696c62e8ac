package io.hirepipe.contracts.events;

import java.time.Instant;

/**
 * A recruiter sent the invitation again: it has a new token (the old link no longer opens) and the
 * candidate is emailed the new link. Like {@link InvitationCreated} v2, the link travels only sealed
 * for notification-service's key, so the token never sits in plain text in Kafka.
 *
 * <p>notification-service sends one email per event (its delivery log's key), so a redelivered event
 * sends nothing twice and each resend sends once.
 *
 * @param durationMinutes  the test's own time
 * @param extraTimeMinutes v2: the candidate's extra time on top of it, as it stands at the resend; 0 in older events
 */
public record InvitationResent(
        String invitationId,
        String testId,
        String testTitle,
        Person candidate,
        String recruiterEmail,
        int durationMinutes,
        Instant expiresAt,
        String sealedAccessUrl,
        int extraTimeMinutes) implements EventPayload {

    @Override
    public String partitionKey() {
        return invitationId;
    }
}
