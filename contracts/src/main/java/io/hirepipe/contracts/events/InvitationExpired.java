package io.hirepipe.contracts.events;

import java.time.Instant;

/**
 * An invitation nobody started passed its expiry; its link no longer opens a session. Emitted once
 * per invitation by assessment-service's sweep, shortly after {@code expiresAt}.
 *
 * @param expiresAt when the invitation expired
 */
public record InvitationExpired(
        String invitationId,
        String testId,
        Instant expiresAt) implements EventPayload {

    @Override
    public String partitionKey() {
        return invitationId;
    }
}
