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
 * Refreshing rotates the refresh token; a refresh token used twice revokes the sign-in.
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

    /** Trades a refresh token for a new access token and a new refresh token of the same sign-in. */
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
                    if (stored.usedAt() != null && stored.revokedAt() == null) {
                        // Used before: someone else holds a copy. End the sign-in for both.
                        return revokeFamily(stored.familyId()).then(Mono.error(RecruiterSessions::invalid));
                    }
                    if (stored.revokedAt() != null || !now.isBefore(stored.expiresAt())) {
                        return Mono.error(RecruiterSessions::invalid);
                    }
                    return markUsed(stored, now)
                            .switchIfEmpty(Mono.error(RecruiterSessions::invalid))
                            // The account as it is now: a deactivated one gets nothing, a changed role the new one.
                            .flatMap(used -> mongo.findById(used.userId(), RecruiterUser.class)
                                    .filter(user -> user.active() && user.tenantId().equals(used.tenantId()))
                                    .switchIfEmpty(Mono.error(RecruiterSessions::invalid))
                                    .flatMap(user -> issue(used.familyId(), user, now, used.expiresAt())));
                });
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
        // Conditional, so two concurrent refreshes with one token cannot both succeed.
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
