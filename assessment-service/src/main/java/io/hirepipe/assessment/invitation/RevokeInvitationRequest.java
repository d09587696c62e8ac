package io.hirepipe.assessment.invitation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

public record RevokeInvitationRequest(@Schema(example = "Position filled") @Size(max = 500) String reason) {

    /** Spring MVC logs bodies by toString at DEBUG; a record's would print the reason, which may name the candidate. */
    @Override
    public String toString() {
        return "RevokeInvitationRequest[reason " + (reason == null ? "absent" : "hidden") + "]";
    }
}
