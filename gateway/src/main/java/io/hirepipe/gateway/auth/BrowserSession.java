package io.hirepipe.gateway.auth;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A recruiter's signed-in browser (the console). The browser holds only {@code id} and the secret in an
 * HttpOnly cookie; the server keeps a hash, so a database leak yields no usable cookie,
 * and ending the session here ends it everywhere at once.
 *
 * @param expiresAt     the end of the session; it is never extended
 */
@Document(BrowserSession.COLLECTION)
record BrowserSession(@Id String id, String tenantId, String userId, String email, String secretHash,
                      Instant createdAt, Instant expiresAt, Instant revokedAt) {

    static final String COLLECTION = "browser_sessions";

    boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
