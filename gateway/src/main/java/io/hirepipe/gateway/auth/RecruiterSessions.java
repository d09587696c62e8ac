package io.hirepipe.gateway.auth;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.gateway.identity.RecruiterUser;
import io.hirepipe.gateway.identity.SignInChecks;
import io.hirepipe.gateway.security.EdgeTokenProperties;
import io.hirepipe.gateway.security.EdgeTokens;
import io.hirepipe.gateway.security.IssuedToken;
import io.hirepipe.gateway.support.RandomIds;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A recruiter's sign-in: a short-lived access token plus a refresh token that can be revoked.
 * Refreshing rotates the refresh token; a refresh token presented twice, one after the other or at once, revokes
 * the sign-in.
 */
@Service
public class RecruiterSessions {

    private final ReactiveMongoTemplate mongo;
    private final EdgeTokens tokens;
    private final EdgeTokenProperties properties;
    private final Clock clock;

    private final SignInChecks signIns;

    public RecruiterSessions(ReactiveMongoTemplate mongo, EdgeTokens tokens, EdgeTokenProperties properties, Clock clock,
                             SignInChecks signIns) {
        this.mongo = mongo;
        this.signIns = signIns;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    public record Session(IssuedToken access, IssuedToken refresh, String tenantId, String email) {
    }

    /** A new sign-in for a person whose password was just checked. */
    Mono<Session> start(RecruiterUser user) {
        // MongoDB keeps milliseconds: the end answered now must equal the one answered after a refresh.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return issue(RandomIds.id("rf_", 20), user, now, now.plus(properties.refreshTtl()));
    }

    /**
     * Trades a refresh token for a new access token and a new refresh token of the same sign-in. Each token trades
     * once: one conditional update (usedAt still unset) decides which presentation is the first. Every other
     * presentation of it, later or at the same instant, is a reuse (OAuth 2.0 Security BCP, RFC 9700 4.14.2): two
     * holders of one token, so the whole sign-in ends for both. There is no grace window for a client that sends
     * one token twice at once: the console does not use refresh tokens (it has its own session), and a window
     * would hand a thief racing the real client a working pair.
     */
    Mono<Session> refresh(String presented) {
        RefreshTokenSecret secret = RefreshTokenSecret.parse(presented).orElse(null);
        if (secret == null) {
            return Mono.error(RecruiterSessions::invalid);
        }
        Instant now = clock.instant();
        return mongo.findById(secret.id(), RefreshToken.class)
                .filter(stored -> secret.matches(stored.secretHash()))
                .switchIfEmpty(Mono.error(RecruiterSessions::invalid))
                .flatMap(stored -> {
                    if (stored.revokedAt() != null || !now.isBefore(stored.expiresAt())) {
                        // The sign-in already ended: nothing left to protect.
                        return Mono.error(RecruiterSessions::invalid);
                    }
                    return markUsed(stored, now)
                            // Used before, or by a presentation that won just now: someone else holds a copy.
                            .switchIfEmpty(Mono.defer(() -> revokeFamily(stored.familyId())
                                    .then(Mono.error(RecruiterSessions::invalid))))
                            // The account as it is now: a deactivated one gets nothing, a changed role the new one.
                            .flatMap(used -> mongo.findById(used.userId(), RecruiterUser.class)
                                    .filter(user -> user.active() && user.tenantId().equals(used.tenantId()))
                                    .switchIfEmpty(Mono.error(RecruiterSessions::invalid))
                                    .flatMap(user -> issue(used.familyId(), user, now, used.expiresAt())))
                            .flatMap(session -> unlessEnded(stored.familyId(), session));
                });
    }

    /**
     * The new pair, unless the sign-in was ended while it was being issued: a reuse of the token just traded that
     * revoked the family before the new token was stored would otherwise leave that one token live. Checked after
     * the new token is stored, so any revocation either finds it or is found here.
     */
    private Mono<Session> unlessEnded(String familyId, Session session) {
        return mongo.exists(Query.query(Criteria.where("familyId").is(familyId).and("revokedAt").ne(null)),
                        RefreshToken.class)
                .flatMap(ended -> ended
                        ? revokeFamily(familyId).then(Mono.<Session>error(RecruiterSessions::invalid))
                        : Mono.just(session));
    }

    /**
     * Ends the sign-in the refresh token belongs to, and so its access tokens too (they name the sign-in).
     * Unknown tokens are ignored: the answer reveals nothing.
     */
    Mono<Void> logout(String presented) {
        return Mono.justOrEmpty(RefreshTokenSecret.parse(presented))
                .flatMap(secret -> mongo.findById(secret.id(), RefreshToken.class)
                        .filter(stored -> secret.matches(stored.secretHash())))
                .flatMap(stored -> revokeFamily(stored.familyId()));
    }

    private Mono<RefreshToken> markUsed(RefreshToken stored, Instant now) {
        // Conditional: of two refreshes with one token at the same instant, exactly one finds it unused.
        Query unused = Query.query(Criteria.where("_id").is(stored.id()).and("usedAt").is(null).and("revokedAt").is(null));
        return mongo.findAndModify(unused, Update.update("usedAt", now),
                FindAndModifyOptions.options().returnNew(true), RefreshToken.class);
    }

    private Mono<Void> revokeFamily(String familyId) {
        return mongo.updateMulti(Query.query(Criteria.where("familyId").is(familyId).and("revokedAt").is(null)),
                Update.update("revokedAt", clock.instant()), RefreshToken.class)
                .then(Mono.fromRunnable(() -> signIns.forgetSignIn(familyId)));
    }

    /** Ends every API sign-in of a user (deactivation, a new password). */
    public Mono<Void> endAllOf(String userId) {
        return mongo.updateMulti(Query.query(Criteria.where("userId").is(userId).and("revokedAt").is(null)),
                Update.update("revokedAt", clock.instant()), RefreshToken.class)
                .then(Mono.fromRunnable(signIns::forgetAllSignIns));
    }

    private Mono<Session> issue(String familyId, RecruiterUser user, Instant now, Instant sessionEnd) {
        RefreshTokenSecret secret = RefreshTokenSecret.generate();
        RefreshToken stored = new RefreshToken(secret.id(), familyId, user.tenantId(), user.id(), user.email(),
                secret.hash(), now, sessionEnd, null, null);
        return mongo.insert(stored).map(saved -> new Session(
                tokens.user(user.tenantId(), user.id(), user.email(), user.role(), familyId),
                new IssuedToken(secret.value(), sessionEnd), user.tenantId(), user.email()));
    }

    private static ProblemException invalid() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Unauthenticated",
                "The refresh token is unknown, expired or revoked. Sign in again.");
    }
}
