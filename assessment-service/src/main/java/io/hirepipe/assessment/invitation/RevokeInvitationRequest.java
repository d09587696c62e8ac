package io.hirepipe.assessment.invitation;

import jakarta.validation.constraints.Size;

public record RevokeInvitationRequest(@Size(max = 500) String reason) {
}
