package io.hirepipe.contracts.events;

/** Where one item of a result stands. */
public enum ItemStatus {
    /** Scored by the machine, confidently enough to stand without a person. */
    SCORED,
    /** The machine's score is provisional: a person should confirm or change it. */
    NEEDS_REVIEW,
    /** The candidate gave no answer; it scores zero. */
    UNANSWERED
}
