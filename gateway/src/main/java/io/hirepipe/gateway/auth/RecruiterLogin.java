package io.hirepipe.gateway.auth;

import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.gateway.audit.AuditEntry;
import io.hirepipe.gateway.audit.AuditTrail;
import io.hirepipe.gateway.audit.AuditWriteBehind;
import io.hirepipe.gateway.identity.RecruiterUser;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a recruiter's email and password and starts a sign-in (access and refresh token). A wrong password and an
 * unknown email fail identically, in the same time (a hash is checked either way, and the answer does not wait for
 * the refusal's audit entry to be written), so the answer reveals nothing about which emails have accounts.
 *
 * <p>Both outcomes go to the audit log of the account's tenant. A failed sign-in with an email that has
 * no account is not recorded: there is no tenant to file it under, and the attempted text (a colleague's
 * address mistyped, or a password typed into the wrong field) is not ours to keep. Login abuse is
 * handled by the login throttle instead. The password is never recorded.
 */
@Service
public class RecruiterLogin {

    private final ReactiveMongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final RecruiterSessions sessions;
    private final AuditTrail audit;
    private final AuditWriteBehind refusals;
    private final Clock clock;
    /** Compared against when the email is unknown, to spend the same time as a real check. */
    private final Mono<String> decoyHash;

    public RecruiterLogin(ReactiveMongoTemplate mongo, PasswordEncoder passwords, RecruiterSessions sessions,
                          AuditTrail audit, AuditWriteBehind refusals, Clock clock) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
        this.refusals = refusals;
        this.clock = clock;
        this.decoyHash = Mono.fromCallable(() -> passwords.encode("decoy-password-for-unknown-emails"))
                .subscribeOn(Schedulers.boundedElastic())
                .cache();
    }

    /** How a sign-in arrived, as the audit log names it. */
    public enum Channel { API, BROWSER_SESSION }

    public Mono<RecruiterSessions.Session> login(String email, String password, String correlationId) {
        return authenticate(email, password, Channel.API, correlationId)
                .flatMap(sessions::start);
    }

    /** The recruiter these credentials belong to, or a 401 problem; starts nothing. */
    Mono<RecruiterUser> authenticate(String email, String password, Channel channel, String correlationId) {
        String normalized = RecruiterUser.normalizeEmail(email);
        return mongo.findOne(Query.query(Criteria.where("email").is(normalized)), RecruiterUser.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    // Invited (no password yet) and deactivated people are checked against the decoy too: same time,
                    // same answer as a wrong password; the audit log still files the attempt under their tenant.
                    Optional<RecruiterUser> user = found.filter(RecruiterUser::active).filter(u -> u.passwordHash() != null);
                    return user.map(u -> Mono.just(u.passwordHash())).orElse(decoyHash)
                            .flatMap(hash -> matches(password, hash))
                            .flatMap(ok -> {
                                if (ok && user.isPresent()) {
                                    RecruiterUser signedIn = user.get();
                                    return rehashIfOutdated(signedIn, password)
                                            .then(audit.record(entry(signedIn, AuditRecorded.SUCCESS, channel, correlationId)))
                                            .thenReturn(signedIn);
                                }
                                // Not waited for: an unknown email has nothing to record, and the refusal must
                                // not take a write's time longer for an account that exists.
                                found.ifPresent(refused ->
                                        refusals.record(entry(refused, AuditRecorded.FAILURE, channel, correlationId)));
                                return Mono.error(RecruiterLogin::invalidCredentials);
                            });
                });
    }

    private AuditEntry entry(RecruiterUser user, String outcome, Channel channel, String correlationId) {
        Caller who = Caller.user(user.tenantId(), user.id(), user.email(), user.role());
        return AuditEntry.byCaller(who, "auth.login", "user", user.id(), outcome,
                Map.of("channel", channel.name()), correlationId, clock.instant());
    }

    /**
     * A hash made with an older algorithm or a lower bcrypt cost than the encoder's is replaced at the first sign-in
     * that proves the password: it would be weaker, and a refusal for that account would take less time than the
     * decoy's, telling that the account exists. Only if the stored hash is still the one checked, so a password
     * changed meanwhile is never overwritten.
     */
    private Mono<Void> rehashIfOutdated(RecruiterUser user, String password) {
        if (!passwords.upgradeEncoding(user.passwordHash())) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> passwords.encode(password)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(stronger -> mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(user.id()).and("passwordHash").is(user.passwordHash())),
                        Update.update("passwordHash", stronger), RecruiterUser.class))
                .then();
    }

    /** bcrypt is deliberately slow: keep it off the event loop. */
    private Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> passwords.matches(password, hash)).subscribeOn(Schedulers.boundedElastic());
    }

    private static ProblemException invalidCredentials() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Unauthenticated",
                "The email or password is incorrect.");
    }
}
