package io.hirepipe.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalTokenIssuer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The internal token for a caller and a service, signed once and handed out again while at least half of
 * its lifetime remains. Signing costs an RSA private-key operation (about a millisecond of CPU), which
 * was the largest share of what the gateway spent on a cheap proxied request.
 *
 * <p>A token is reused only for exactly the same caller (tenant, subject, kind, email, invitation and
 * role, as the {@link Caller} record compares them), the same audience and the same scopes, so a role
 * change yields a fresh token on the next request. Deactivation and sign-out are checked on every request
 * before relay ({@code SignInChecks}), so a refused caller never reaches this cache. A service still sees
 * at least half the lifetime left on every token it receives.
 */
public class ReusedInternalTokens {

    private final InternalTokenIssuer issuer;
    private final Clock clock;
    private final Duration reuseFor;
    private final Cache<Key, Issued> issued;

    public ReusedInternalTokens(InternalTokenIssuer issuer, Duration ttl, long maximumSize, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        this.reuseFor = ttl.dividedBy(2);
        // Bounded, and entries go once they can no longer be reused, so many callers cannot exhaust memory.
        this.issued = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(reuseFor).build();
    }

    /** A token naming {@code caller} for the service {@code audience}, with {@code scopes}. */
    public String tokenFor(Caller caller, String audience, List<String> scopes) {
        Key key = new Key(caller, audience, List.copyOf(scopes));
        Instant now = clock.instant();
        Issued known = issued.getIfPresent(key);
        if (known != null && known.reusableAt(now, reuseFor)) {
            return known.token();
        }
        // Two requests racing here both sign; the later one is kept. Rare, and cheaper than a lock.
        Issued fresh = new Issued(issuer.issue(caller, audience, key.scopes()), now);
        issued.put(key, fresh);
        return fresh.token();
    }

    private record Key(Caller caller, String audience, List<String> scopes) {
    }

    private record Issued(String token, Instant issuedAt) {

        /** Not before it was issued (a clock set back) and while at least half of its lifetime remains. */
        boolean reusableAt(Instant now, Duration reuseFor) {
            return !now.isBefore(issuedAt) && now.isBefore(issuedAt.plus(reuseFor));
        }
    }
}
