package io.hirepipe.gateway.apikey;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A platform client's credential. Only a SHA-256 hash of the secret is kept: the full key is shown
 * once, at creation. The secret is 256 random bits, so a fast hash is enough (no dictionary to
 * guess from), and it keeps per-request verification cheap.
 *
 * @param id        the public key id, also embedded in the key ({@code hp_<id>_<secret>})
 * @param prefix    the first characters of the key, to tell keys apart in a list
 * @param revokedAt when the key was revoked; a revoked key never authenticates again
 */
@Document(ApiKey.COLLECTION)
public record ApiKey(@Id String id, String tenantId, String name, String prefix, String secretHash,
                     String createdBy, Instant createdAt, Instant revokedAt) {

    public static final String COLLECTION = "api_keys";

    public boolean revoked() {
        return revokedAt != null;
    }
}
