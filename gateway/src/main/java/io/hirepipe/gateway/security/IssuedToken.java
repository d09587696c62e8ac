package io.hirepipe.gateway.security;

import java.time.Instant;

/** A signed token and the moment it stops being accepted. */
public record IssuedToken(String value, Instant expiresAt) {

    /** A record prints its components; the token is a credential. */
    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + "]";
    }
}
