package io.hirepipe.contracts.events;

public enum SubmitReason {
    /** The candidate pressed submit. */
    CANDIDATE,
    /** The server closed the session at its deadline. */
    TIMEOUT
}
