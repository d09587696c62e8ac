package io.hirepipe.gateway.auth;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One refresh token of a recruiter's sign-in, stored as a hash only. Each use replaces it with a
 * new one of the same family; presenting a used one again means it was stolen, and the whole
 * family (the sign-in) is revoked.
 *
 * @param familyId  the sign-in it belongs to: logout revokes all of it
 * @param expiresAt the end of the sign-in; refreshing does not extend it
 */
@Document(RefreshToken.COLLECTION)
record RefreshToken(@Id String id, String familyId, String tenantId, String userId, String email, String secretHash,
                    Instant createdAt, Instant expiresAt, Instant usedAt, Instant revokedAt) {

    static final String COLLECTION = "refresh_tokens";
}
