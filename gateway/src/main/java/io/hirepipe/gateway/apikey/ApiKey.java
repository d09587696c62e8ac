package io.hirepipe.gateway.apikey;

import io.hirepipe.defaults.security.ApiScope;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A platform client's credential. Only a SHA-256 hash of the secret is kept: the full key is shown
 * once, at creation. The secret is 256 random bits, so a fast hash is enough (no dictionary to
 * guess from), and it keeps per-request verification cheap.
 *
 * @param id        the public key id, also embedded in the key ({@code hp_<id>_<secret>})
 * @param prefix    the first characters of the key, to tell keys apart in a list
 * @param revokedAt when the key was revoked; a revoked key never authenticates again
 * @param scopes    what the key may do; {@code null} for keys created before scopes existed, which may do
 *                  everything a key can (never key management)
 */
@Document(ApiKey.COLLECTION)
public record ApiKey(@Id String id, String tenantId, String name, String prefix, String secretHash,
                     String createdBy, Instant createdAt, Instant revokedAt, List<String> scopes) {

    public static final String COLLECTION = "api_keys";

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The scopes in force; names no longer known are ignored rather than failing the request. */
    public Set<ApiScope> effectiveScopes() {
        if (scopes == null) {
            return ApiScope.all();
        }
        Set<ApiScope> known = EnumSet.noneOf(ApiScope.class);
        scopes.forEach(name -> ApiScope.parse(name).ifPresent(known::add));
        return known;
    }
}
