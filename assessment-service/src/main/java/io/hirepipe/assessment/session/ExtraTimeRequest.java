package io.hirepipe.assessment.session;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * @param extraTimeMinutes the candidate's whole extra time (not an increment): setting it twice
 *                         with the same value changes nothing the second time
 */
public record ExtraTimeRequest(@Schema(example = "15") @NotNull @Min(0) @Max(240) Integer extraTimeMinutes) {
}
