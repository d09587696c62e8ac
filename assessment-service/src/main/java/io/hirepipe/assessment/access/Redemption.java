package io.hirepipe.assessment.access;

import io.hirepipe.assessment.invitation.InvitationStatus;

import java.time.Instant;

/**
 * What the gateway needs to mint the candidate's short-lived token.
 *
 * @param accessUntil when the candidate token must stop being accepted: the start-by expiry before
 *                    the session starts, the session's current deadline plus its grace once it runs
 */
public record Redemption(String tenantId, String invitationId, InvitationStatus status, Instant expiresAt,
                         Instant accessUntil) {
}
