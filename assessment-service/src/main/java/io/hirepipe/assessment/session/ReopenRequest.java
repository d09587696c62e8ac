package io.hirepipe.assessment.session;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param extraMinutes how long the candidate has from now to go on
 * @param reason       why (a technical problem, say); it is kept in the audit log
 */
public record ReopenRequest(@Schema(example = "15") @NotNull @Min(1) @Max(240) Integer extraMinutes,
                            @Schema(example = "The candidate's laptop crashed") @NotBlank @Size(max = 500) String reason) {

    /** Spring MVC logs bodies by toString at DEBUG; a record's would print the reason, which may name the candidate. */
    @Override
    public String toString() {
        return "ReopenRequest[extraMinutes=" + extraMinutes + ", reason hidden]";
    }
}
