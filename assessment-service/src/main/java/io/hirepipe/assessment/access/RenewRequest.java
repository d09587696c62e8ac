package io.hirepipe.assessment.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The invitation named in the candidate token the gateway is renewing. */
public record RenewRequest(@NotBlank @Size(max = 64) String invitationId) {
}
