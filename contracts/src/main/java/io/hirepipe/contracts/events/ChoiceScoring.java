package io.hirepipe.contracts.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How a multiple-choice item earns its points. Single-choice items are right or wrong either way. A rule added
 * later reads, in a build that does not know it, as {@link #ALL_OR_NOTHING}, which gives no unearned points.
 */
public enum ChoiceScoring {
    /** The selection must equal the correct set exactly; the default, so older questions keep their scores. */
    @JsonEnumDefaultValue
    ALL_OR_NOTHING,
    /**
     * Each correct option selected earns a share of the points and each wrong one cancels a right one,
     * floored at zero: selecting every option earns nothing more than selecting none.
     */
    PARTIAL
}
