package io.hirepipe.contracts.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Where one item of a result stands. A status added later reads, in a build that does not know it, as
 * {@link #NEEDS_REVIEW}: a person looks at what this build cannot judge.
 */
public enum ItemStatus {
    /** Scored by the machine, confidently enough to stand without a person. */
    SCORED,
    /** The machine's score is provisional: a person should confirm or change it. */
    @JsonEnumDefaultValue
    NEEDS_REVIEW,
    /** The candidate gave no answer; it scores zero. */
    UNANSWERED
}
