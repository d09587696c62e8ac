package io.hirepipe.gateway.auth;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.gateway.identity.RecruiterUser;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;

/**
 * Checks a recruiter's email and password and starts a sign-in (access and refresh token). A wrong password and an
 * unknown email fail identically, in the same time (a hash is checked either way), so the answer
 * reveals nothing about which emails have accounts.
 */
@Service
public class RecruiterLogin {

    private final ReactiveMongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final RecruiterSessions sessions;
    /** Compared against when the email is unknown, to spend the same time as a real check. */
    private final Mono<String> decoyHash;

    public RecruiterLogin(ReactiveMongoTemplate mongo, PasswordEncoder passwords, RecruiterSessions sessions) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.sessions = sessions;
        this.decoyHash = Mono.fromCallable(() -> passwords.encode("decoy-password-for-unknown-emails"))
                .subscribeOn(Schedulers.boundedElastic())
                .cache();
    }

    public Mono<RecruiterSessions.Session> login(String email, String password) {
        return authenticate(email, password)
                .flatMap(sessions::start);
    }

    /** The recruiter these credentials belong to, or a 401 problem; starts nothing. */
    Mono<RecruiterUser> authenticate(String email, String password) {
        String normalized = RecruiterUser.normalizeEmail(email);
        return mongo.findOne(Query.query(Criteria.where("email").is(normalized)), RecruiterUser.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                // Invited (no password yet) and deactivated people are checked against the decoy too: same time,
                // same answer as a wrong password.
                .map(user -> user.filter(RecruiterUser::active).filter(u -> u.passwordHash() != null))
                .flatMap(user -> user.map(u -> Mono.just(u.passwordHash())).orElse(decoyHash)
                        .flatMap(hash -> matches(password, hash))
                        .flatMap(ok -> ok && user.isPresent()
                                ? Mono.just(user.get())
                                : Mono.error(RecruiterLogin::invalidCredentials)));
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
