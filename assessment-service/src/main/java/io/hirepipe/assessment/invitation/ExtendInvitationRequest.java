package io.hirepipe.assessment.invitation;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/** @param expiresAt the new time until which the candidate may start: in the future, within the longest expiry */
public record ExtendInvitationRequest(@NotNull Instant expiresAt) {
}
