package io.hirepipe.scoring.result;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A person's value for one item.
 *
 * @param points 0 up to the item's maximum (checked against the item), at most two decimal places
 * @param reason why: kept in the item's history and sent to the recruiter
 */
public record ItemAdjustmentRequest(
        @Schema(example = "3.0") @NotNull @DecimalMin("0")
        @Digits(integer = 4, fraction = 2, message = "must have at most two decimals (and four digits before the point)")
        BigDecimal points,
        @Schema(example = "Names both ideas") @NotBlank @Size(max = 1000) String reason) {

    /** Spring MVC logs bodies by toString at DEBUG; a record's would print the reason, which may name the candidate. */
    @Override
    public String toString() {
        return "ItemAdjustmentRequest[points=" + points + ", reason hidden]";
    }
}
