package io.hirepipe.gateway.security;

import java.time.Instant;

/** A signed token and the moment it stops being accepted. */
public record IssuedToken(String value, Instant expiresAt) {
}
