package io.hirepipe.gateway.users;

import io.hirepipe.gateway.web.Problems;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.gateway.auth.AccountSignIns;
import io.hirepipe.gateway.auth.RefreshTokenSecret;
import io.hirepipe.gateway.identity.RecruiterUser;
import io.hirepipe.gateway.identity.UserStatus;
import io.hirepipe.gateway.users.PasswordLink.Purpose;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Emailed set-password links: an invited person's first password, and password resets. A link is 256 random
 * bits, stored hashed, used once, and expires; sending a new one voids the older ones of the account, one sender at
 * a time. Setting a password ends every sign-in the account had, so a reset locks out whoever knew the old one.
 */
@Service
class PasswordLinks {

    private final ReactiveMongoTemplate mongo;
    private final AccountEmails emails;
    private final AccountEmailBudget budget;
    private final PasswordLinkTurns turns;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final AccountSignIns signIns;
    private final UsersProperties properties;
    private final Clock clock;

    PasswordLinks(ReactiveMongoTemplate mongo, AccountEmails emails, AccountEmailBudget budget, PasswordLinkTurns turns,
                  PasswordPolicy policy, PasswordEncoder passwords, AccountSignIns signIns, UsersProperties properties,
                  Clock clock) {
        this.mongo = mongo;
        this.emails = emails;
        this.budget = budget;
        this.turns = turns;
        this.policy = policy;
        this.passwords = passwords;
        this.signIns = signIns;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores a new link for {@code user}, voids the older ones, and has it emailed, in the account's turn
     * ({@link PasswordLinkTurns}): of requests at once, each sends after the other, so the email sent last carries
     * the one link that works. If the email cannot be handed over, the new link is removed again and the 503 problem
     * passes on. Each email draws on the address's budget ({@link AccountEmailBudget}); over it, nothing changes and
     * nothing is sent: a reset request completes empty, as for an address without an account, and an invitation
     * sent again is a 429 problem.
     */
    Mono<Void> send(RecruiterUser user, Purpose purpose) {
        return sendUnlessSentSince(user, purpose, Long.MAX_VALUE);
    }

    /**
     * As {@link #send}, unless by its turn the account has been sent more than {@code linksSentBefore} links: one sent
     * since this request began covers it, and nothing more is sent (an admin double-clicking Invite sends one email).
     */
    Mono<Void> sendUnlessSentSince(RecruiterUser user, Purpose purpose, long linksSentBefore) {
        return sendUnlessSentSince(user, purpose, linksSentBefore, Mono.empty());
    }

    /**
     * As {@link #sendUnlessSentSince(RecruiterUser, Purpose, long)}, running {@code undo} when the link cannot be
     * sent (a new account removed again) before the turn passes on: a request that waited for the turn then finds the
     * account gone, and answers the same 503 problem instead of emailing a link to an account that no longer exists.
     */
    Mono<Void> sendUnlessSentSince(RecruiterUser user, Purpose purpose, long linksSentBefore, Mono<Void> undo) {
        Mono<PasswordLinkTurns.Turn> turn = turns.take(user.id()).onErrorResume(failure -> undo.then(Mono.error(failure)));
        return Mono.usingWhen(turn,
                held -> stillThere(user)
                        .then(Mono.defer(() -> held.sent() > linksSentBefore ? Mono.<Void>empty()
                                : budgeted(user, purpose).flatMap(sent -> sent ? turns.pass(held) : Mono.empty())))
                        .onErrorResume(failure -> undo.then(Mono.error(failure))),
                turns::end, (held, failure) -> turns.end(held), turns::end);
    }

    private Mono<Void> stillThere(RecruiterUser user) {
        return mongo.exists(Query.query(Criteria.where("_id").is(user.id())), RecruiterUser.class)
                .flatMap(exists -> exists ? Mono.<Void>empty() : Mono.error(AccountEmails.unavailable()));
    }

    /** How many links the account has been sent so far: what {@link #sendUnlessSentSince} compares with. */
    Mono<Long> linksSent(String userId) {
        return turns.sent(userId);
    }

    /** Whether a link was sent: not when a reset is over the budget. */
    private Mono<Boolean> budgeted(RecruiterUser user, Purpose purpose) {
        return Mono.defer(() -> {
            AccountEmailBudget.Decision budgeted = budget.take(user.email(), purpose);
            if (!budgeted.permitted()) {
                return purpose == Purpose.RESET ? Mono.just(false) : Mono.error(tooManyEmails(budgeted.retryAfter()));
            }
            return store(user, purpose).thenReturn(true).onErrorResume(failure -> {
                budget.giveBack(user.email());
                return Mono.error(failure);
            });
        });
    }

    private Mono<Void> store(RecruiterUser user, Purpose purpose) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(purpose == Purpose.INVITE ? properties.inviteTtl() : properties.resetTtl());
        RefreshTokenSecret secret = RefreshTokenSecret.generate();
        PasswordLink link = new PasswordLink(secret.id(), user.tenantId(), user.id(), purpose, secret.hash(), now,
                expiresAt, null);
        // The console's set-password view. A fragment is never sent to a server, so the token stays out of
        // access logs and Referer headers.
        String url = properties.publicUrl().toString().replaceAll("/+$", "") + "/console#/set-password?token="
                + secret.value();
        AccountEmails.Kind kind = purpose == Purpose.INVITE ? AccountEmails.Kind.USER_INVITE
                : AccountEmails.Kind.PASSWORD_RESET;
        return voidLinksOf(user.id())
                .then(mongo.insert(link))
                .then(emails.send(user.tenantId(), user.email(), kind, url, expiresAt, link.id())
                        .onErrorResume(failure -> mongo.remove(Query.query(Criteria.where("_id").is(link.id())),
                                PasswordLink.class).then(Mono.error(failure))));
    }

    private static ProblemException tooManyEmails(Duration retryAfter) {
        return Problems.tooManyRequests("account-emails-limited", "Too many emails to this address", retryAfter,
                seconds -> "This address has been sent as many set-password emails as it may for now; the latest "
                        + "one's link works until it expires. Try again in " + seconds + " s.");
    }

    /** Voids every unused link of an account (deactivation, a newer link). */
    Mono<Void> voidLinksOf(String userId) {
        return mongo.updateMulti(Query.query(Criteria.where("userId").is(userId).and("usedAt").is(null)),
                Update.update("usedAt", clock.instant()), PasswordLink.class).then();
    }

    /**
     * Sets the password a link allows: checks it against the policy first (a refused password keeps the link
     * usable), then uses the link up (once, even under a race), stores the hash, activates an invited account
     * and ends every sign-in of the account.
     */
    Mono<Void> setPassword(String token, String password) {
        RefreshTokenSecret secret = RefreshTokenSecret.parse(token).orElse(null);
        if (secret == null) {
            return Mono.error(PasswordLinks::invalidLink);
        }
        Instant now = clock.instant();
        return mongo.findById(secret.id(), PasswordLink.class)
                .filter(link -> secret.matches(link.secretHash()) && link.usedAt() == null
                        && now.isBefore(link.expiresAt()))
                .flatMap(link -> mongo.findById(link.userId(), RecruiterUser.class)
                        .filter(user -> user.status() != UserStatus.DEACTIVATED
                                && user.tenantId().equals(link.tenantId()))
                        .map(user -> new LinkOf(link, user)))
                .switchIfEmpty(Mono.error(PasswordLinks::invalidLink))
                .flatMap(found -> {
                    PasswordLink link = found.link();
                    RecruiterUser user = found.user();
                    policy.check(password, user.email());
                    return useUp(link, now)
                            // bcrypt is slow on purpose: off the event loop.
                            .flatMap(used -> Mono.fromCallable(() -> passwords.encode(password))
                                    .subscribeOn(Schedulers.boundedElastic()))
                            .flatMap(hash -> mongo.updateFirst(Query.query(Criteria.where("_id").is(user.id())
                                            .and("status").ne(UserStatus.DEACTIVATED.name())),
                                    new Update().set("passwordHash", hash).set("status", UserStatus.ACTIVE.name()),
                                    RecruiterUser.class))
                            .then(signIns.endAll(user.id()));
                });
    }

    private record LinkOf(PasswordLink link, RecruiterUser user) {
    }

    private Mono<PasswordLink> useUp(PasswordLink link, Instant now) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(link.id()).and("usedAt").is(null)),
                        Update.update("usedAt", now), FindAndModifyOptions.options().returnNew(true), PasswordLink.class)
                .switchIfEmpty(Mono.error(PasswordLinks::invalidLink));
    }

    private static ProblemException invalidLink() {
        return ProblemException.badRequest("invalid-password-link",
                        "token: this link is unknown, used or expired. Ask for a new one.")
                .with("field", "token");
    }
}
