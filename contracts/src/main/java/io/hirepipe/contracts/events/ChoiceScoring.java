package io.hirepipe.contracts.events;

/** How a multiple-choice item earns its points. Single-choice items are right or wrong either way. */
public enum ChoiceScoring {
    /** The selection must equal the correct set exactly; the default, so older questions keep their scores. */
    ALL_OR_NOTHING,
    /**
     * Each correct option selected earns a share of the points and each wrong one cancels a right one,
     * floored at zero: selecting every option earns nothing more than selecting none.
     */
    PARTIAL
}
