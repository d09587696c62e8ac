package io.hirepipe.contracts.events;

public enum QuestionKind {
    /** Exactly one option is correct. */
    SINGLE_CHOICE,
    /** Several options may be correct; the candidate must select exactly the correct set. */
    MULTI_CHOICE,
    /** Answered in prose, scored against rubric key points. */
    FREE_TEXT
}
