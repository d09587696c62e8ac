package io.hirepipe.gateway.auth;

import io.hirepipe.gateway.identity.RecruiterUser;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Console sign-ins kept on the server. The cookie is a 256-bit secret in the same {@code rt_<id>_<secret>}
 * form as refresh tokens, but sessions live in their own collection, so one never passes as the other.
 * Every request looks the session up, so ending it takes effect at once.
 *
 * <p>The CSRF token is derived from the cookie's secret (an HMAC), so it is the same for every tab of
 * the session, needs no storage, and cannot be computed by a page that cannot read the HttpOnly cookie.
 */
@Service
public class BrowserSessions {

    private static final byte[] CSRF_LABEL = "hirepipe-console-csrf".getBytes(StandardCharsets.UTF_8);

    private final ReactiveMongoTemplate mongo;
    private final BrowserSessionProperties properties;
    private final Clock clock;

    public BrowserSessions(ReactiveMongoTemplate mongo, BrowserSessionProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** A session just started; {@code cookie} exists only here, in memory: the store keeps its hash. */
    record Started(BrowserSession session, String cookie) {
    }

    Mono<Started> start(RecruiterUser user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RefreshTokenSecret cookie = RefreshTokenSecret.generate();
        BrowserSession session = new BrowserSession(cookie.id(), user.tenantId(), user.id(), user.email(),
                cookie.hash(), now, now.plus(properties.ttl()), null);
        return mongo.insert(session).map(saved -> new Started(saved, cookie.value()));
    }

    /** The active session the cookie proves, or empty (unknown, forged, expired or ended). */
    public Mono<BrowserSession> find(String cookieValue) {
        Instant now = clock.instant();
        return Mono.justOrEmpty(RefreshTokenSecret.parse(cookieValue))
                .flatMap(secret -> mongo.findById(secret.id(), BrowserSession.class)
                        .filter(stored -> secret.matches(stored.secretHash())))
                .filter(stored -> stored.activeAt(now));
    }

    /** The CSRF token that goes with a (verified) session cookie. */
    static String csrfTokenFor(String cookieValue) {
        String secret = RefreshTokenSecret.parse(cookieValue).map(RefreshTokenSecret::secret)
                .orElseThrow(() -> new IllegalArgumentException("not a session cookie"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(CSRF_LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    /** Whether {@code presented} is the CSRF token of the session cookie (constant time). */
    public static boolean csrfMatches(String cookieValue, String presented) {
        return presented != null && MessageDigest.isEqual(csrfTokenFor(cookieValue).getBytes(StandardCharsets.US_ASCII),
                presented.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /** Ends every console session of a user (deactivation, a new password); each request looks its session up. */
    public Mono<Void> endAllOf(String userId) {
        return mongo.updateMulti(Query.query(Criteria.where("userId").is(userId).and("revokedAt").is(null)),
                Update.update("revokedAt", clock.instant()), BrowserSession.class).then();
    }

    Mono<Void> end(BrowserSession session) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(session.id()).and("revokedAt").is(null)),
                Update.update("revokedAt", clock.instant()), BrowserSession.class).then();
    }
}
