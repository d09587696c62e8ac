package io.hirepipe.question.template;

/** The lifecycle of a test's latest version, like a question's. */
enum TestStatus {
    /** Being written; editable in place; cannot be taken. */
    DRAFT,
    /** Frozen; sessions start from it. Editing starts the next version as a draft. */
    PUBLISHED,
    /** No longer offered; sessions already started keep what they drew. */
    RETIRED
}
