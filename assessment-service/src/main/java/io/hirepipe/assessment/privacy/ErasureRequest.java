package io.hirepipe.assessment.privacy;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** Erase one candidate: name exactly one of their email (every invitation of it) or one invitation id. */
record ErasureRequest(@Schema(example = "ada@example.org") @Email @Size(max = 254) String email,
                      @Schema(example = "inv_Wcj2Ks8Lq4Rt6Yb") @Size(max = 100) String invitationId) {

    /** Spring MVC logs bodies by toString at DEBUG; a record's would print the email of the candidate to erase. */
    @Override
    public String toString() {
        return "ErasureRequest[invitationId=" + invitationId + ", email=" + (email == null ? "absent" : "[hidden]")
                + "]";
    }
}
