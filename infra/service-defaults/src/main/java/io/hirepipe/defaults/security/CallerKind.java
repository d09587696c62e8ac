package io.hirepipe.defaults.security;

/** Who is calling a service, as established by the gateway (or, for SERVICE, by a peer service). */
public enum CallerKind {
    /** A recruiter signed in to the web UI. */
    RECRUITER,
    /** A platform client (ATS, HR tool) with an API key. */
    PLATFORM,
    /** A candidate holding the token of one invitation. */
    CANDIDATE,
    /** Another Hirepipe service acting for a tenant. */
    SERVICE;

    public String authority() {
        return "ROLE_" + name();
    }
}
