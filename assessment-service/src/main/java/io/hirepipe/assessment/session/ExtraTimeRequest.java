package io.hirepipe.assessment.session;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * @param extraTimeMinutes the candidate's whole extra time (not an increment): setting it twice
 *                         with the same value changes nothing the second time
 */
public record ExtraTimeRequest(@NotNull @Min(0) @Max(240) Integer extraTimeMinutes) {
}
