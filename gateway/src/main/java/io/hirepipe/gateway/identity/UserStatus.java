package io.hirepipe.gateway.identity;

/** Where a person's account stands. Only ACTIVE accounts sign in. */
public enum UserStatus {
    /** Invited by an admin; has no password until the emailed link is used. */
    INVITED,
    ACTIVE,
    /** Switched off by an admin: every sign-in of theirs has ended, and no new one starts. */
    DEACTIVATED
}
