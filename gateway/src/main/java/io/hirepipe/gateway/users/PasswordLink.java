package io.hirepipe.gateway.users;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * An emailed link to set a password, stored as a hash of its secret only: single use ({@code usedAt}),
 * expiring, and void once the account is deactivated or a newer link of the same purpose is sent.
 */
@Document(PasswordLink.COLLECTION)
record PasswordLink(@Id String id, String tenantId, String userId, Purpose purpose, String secretHash,
                    Instant createdAt, Instant expiresAt, Instant usedAt) {

    static final String COLLECTION = "password_links";

    enum Purpose { INVITE, RESET }
}
