package io.hirepipe.assessment.invitation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

public record RevokeInvitationRequest(@Schema(example = "Position filled") @Size(max = 500) String reason) {
}
