package io.hirepipe.gateway.identity;

import io.hirepipe.defaults.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether a person's access token or session still stands, looked up on every request rather than trusted
 * from the token: the account must still be active, the sign-in the token belongs to must not have ended,
 * and the role used is the account's current one. So deactivation, a password reset and a sign-out take
 * effect on the next request, not when the 15-minute access token runs out.
 *
 * <p>Answers are cached for {@code hirepipe.gateway.sign-in-check-ttl} (default 5 s) to spare MongoDB a read per
 * request. The instance that makes a change forgets its copy at once; every other gateway instance sees it
 * within that time at most: that is the whole staleness across instances.
 */
@Component
public class SignInChecks {

    /** Collection of the API's refresh tokens, whose family id is the sign-in id in access tokens. */
    static final String REFRESH_TOKENS = "refresh_tokens";

    private final ReactiveMongoTemplate mongo;
    private final SharedLookups<String, Optional<RecruiterUser>> users;
    private final SharedLookups<String, Boolean> endedSignIns;

    public SignInChecks(ReactiveMongoTemplate mongo,
                        @Value("${hirepipe.gateway.sign-in-check-ttl:5s}") Duration ttl) {
        this.mongo = mongo;
        this.users = new SharedLookups<>(ttl, 100_000);
        this.endedSignIns = new SharedLookups<>(ttl, 100_000);
    }

    /**
     * The caller as things stand now: {@code fromToken} with the account's current role, or empty if the
     * account is gone or not active, or the sign-in {@code signInId} (when the token names one) has ended.
     */
    public Mono<Caller> current(Caller fromToken, String signInId) {
        Mono<Boolean> ended = signInId == null ? Mono.just(false) : ended(signInId);
        return ended.flatMap(isEnded -> isEnded ? Mono.empty() : user(fromToken.subject()))
                .filter(user -> user.active() && user.tenantId().equals(fromToken.tenantId()))
                .map(user -> Caller.user(user.tenantId(), user.id(), user.email(), user.role()));
    }

    /** The stored user (cached like the rest), whatever its status. */
    public Mono<RecruiterUser> user(String userId) {
        return users.get(userId, id -> mongo.findById(id, RecruiterUser.class)
                        .map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(Mono::justOrEmpty);
    }

    private Mono<Boolean> ended(String signInId) {
        return endedSignIns.get(signInId, id -> mongo.exists(
                Query.query(Criteria.where("familyId").is(id).and("revokedAt").ne(null)), REFRESH_TOKENS));
    }

    /** Call after changing a user: this instance answers from the store again at once. */
    public void forgetUser(String userId) {
        users.forget(userId);
    }

    /** Call after ending a sign-in. */
    public void forgetSignIn(String signInId) {
        endedSignIns.forget(signInId);
    }

    /** Call after ending many sign-ins of one user (their ids are not all known here). */
    public void forgetAllSignIns() {
        endedSignIns.forgetAll();
    }
}
