package io.hirepipe.gateway.auth;

import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.gateway.audit.AuditEntry;
import io.hirepipe.gateway.audit.AuditTrail;
import io.hirepipe.gateway.identity.RecruiterUser;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
 * unknown email fail identically, in the same time (a hash is checked either way), so the answer
 * reveals nothing about which emails have accounts.
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
    private final Clock clock;
    /** Compared against when the email is unknown, to spend the same time as a real check. */
    private final Mono<String> decoyHash;

    public RecruiterLogin(ReactiveMongoTemplate mongo, PasswordEncoder passwords, RecruiterSessions sessions,
                          AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.sessions = sessions;
        this.audit = audit;
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
                            .flatMap(ok -> ok && user.isPresent()
                                    ? record(user.get(), AuditRecorded.SUCCESS, channel, correlationId).thenReturn(user.get())
                                    : found.map(u -> record(u, AuditRecorded.FAILURE, channel, correlationId)).orElse(Mono.empty())
                                            .then(Mono.error(RecruiterLogin::invalidCredentials)));
                });
    }

    private Mono<Void> record(RecruiterUser user, String outcome, Channel channel, String correlationId) {
        Caller who = Caller.user(user.tenantId(), user.id(), user.email(), user.role());
        return audit.record(AuditEntry.byCaller(who, "auth.login", "user", user.id(), outcome,
                Map.of("channel", channel.name()), correlationId, clock.instant()));
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
