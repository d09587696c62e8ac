package io.hirepipe.assessment.access;

import io.hirepipe.assessment.invitation.InvitationStatus;

import java.time.Instant;

/** What the gateway needs to mint the candidate's short-lived token. */
public record Redemption(String tenantId, String invitationId, InvitationStatus status, Instant expiresAt) {
}
