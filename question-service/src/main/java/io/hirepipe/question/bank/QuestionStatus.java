package io.hirepipe.question.bank;

/** The lifecycle of a question's current (latest) version. */
public enum QuestionStatus {
    /** Being written; editable in place; not yet usable in tests. */
    DRAFT,
    /** Frozen and usable in tests; editing it starts the next version as a draft. */
    PUBLISHED,
    /** No longer usable in new tests; tests and sessions that pinned a version keep it. */
    RETIRED
}
