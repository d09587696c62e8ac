package io.hirepipe.assessment.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The token from the candidate's link (43 characters when generated here). */
public record RedeemRequest(@NotBlank @Size(max = 128) String token) {

    /** Spring MVC logs request bodies by toString at DEBUG; a record's would print the invitation token. */
    @Override
    public String toString() {
        return "RedeemRequest[token hidden]";
    }
}
