package io.hirepipe.gateway.users;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.gateway.auth.AccountSignIns;
import io.hirepipe.gateway.identity.RecruiterUser;
import io.hirepipe.gateway.identity.SignInChecks;
import io.hirepipe.gateway.identity.UserStatus;
import io.hirepipe.gateway.support.RandomIds;
import io.hirepipe.gateway.users.PasswordLink.Purpose;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * A tenant's people, as its admins manage them: invite by email, change roles, deactivate. Every read and
 * write is filtered by the admin's tenant (another tenant's user is a 404). A tenant always keeps at least
 * one active ADMIN: the change that would remove the last one is refused with 409.
 */
@Service
class Team {

    private final ReactiveMongoTemplate mongo;
    private final PasswordLinks links;
    private final AccountSignIns signIns;
    private final SignInChecks checks;
    private final Clock clock;

    Team(ReactiveMongoTemplate mongo, PasswordLinks links, AccountSignIns signIns,
         SignInChecks checks, Clock clock) {
        this.mongo = mongo;
        this.links = links;
        this.signIns = signIns;
        this.checks = checks;
        this.clock = clock;
    }

    /** @param previousRole the role an invited person had before being invited again with another; else null */
    record Invited(RecruiterUser user, boolean created, Role previousRole) {
    }

    /** A user before and after a change, so the audit log can say what changed (and nothing when nothing did). */
    record Changed(RecruiterUser before, RecruiterUser after) {
    }

    Flux<RecruiterUser> list(String tenantId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)).with(Sort.by("createdAt", "_id")),
                RecruiterUser.class);
    }

    Mono<RecruiterUser> get(String tenantId, String userId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(userId).and("tenantId").is(tenantId)),
                RecruiterUser.class).switchIfEmpty(Mono.error(() -> ProblemException.notFound("User", userId)));
    }

    /**
     * Invites {@code email} with {@code role}: a new account INVITED, emailed a set-password link. Inviting an
     * invited person of this tenant again sends a fresh link, also when that invite races the one that creates the
     * account (an admin double-clicking); of invites at once, one email goes out. If the email cannot be sent, a new
     * account is removed again (nothing half-created remains) and the answer is a 503 problem, also to an invite of the
     * address that found the account while its email was failing.
     */
    Mono<Invited> invite(Caller admin, String email, Role role) {
        String normalized = RecruiterUser.normalizeEmail(email);
        return inviteExisting(admin, normalized, role, false)
                .switchIfEmpty(Mono.defer(() -> create(admin.tenantId(), normalized, role)))
                // another invite of the address stored its account first: answered as if this one came after it
                .onErrorResume(EmailStoredMeanwhile.class, raced -> inviteExisting(admin, normalized, role, true)
                        .switchIfEmpty(Mono.error(Team::emailTaken)));
    }

    /** @param storedMeanwhile the account was stored after this request began, by another invite of the address */
    private Mono<Invited> inviteExisting(Caller admin, String normalizedEmail, Role role, boolean storedMeanwhile) {
        return mongo.findOne(Query.query(Criteria.where("email").is(normalizedEmail)), RecruiterUser.class)
                .flatMap(existing -> {
                    if (existing.tenantId().equals(admin.tenantId()) && existing.status() == UserStatus.INVITED) {
                        return reinvite(existing, role, storedMeanwhile);
                    }
                    // The same answer whichever tenant the address belongs to: nothing about others leaks.
                    return Mono.<Invited>error(emailTaken());
                });
    }

    /** The account's insert found the address taken: by a racing invite, or an account of any tenant. */
    private static final class EmailStoredMeanwhile extends RuntimeException {
        EmailStoredMeanwhile() {
            super(null, null, false, false);
        }
    }

    /**
     * An invited person invited again gets a fresh link and the role asked for now: the admin's latest word (a
     * VIEWER invited by mistake and invited again as RECRUITER signs in as RECRUITER). No last-admin check: an
     * invited person is not yet an active admin, so changing their role never leaves the tenant without one.
     * A link sent since this request began (the other click of a double click) is the fresh link: no second email.
     */
    private Mono<Invited> reinvite(RecruiterUser existing, Role role, boolean storedMeanwhile) {
        // an account stored after this request began: every link it was sent came since
        Mono<Long> sentBefore = storedMeanwhile ? Mono.just(0L) : links.linksSent(existing.id());
        // the link first: an invitation refused (429, 503) changes nothing, the role included
        return sentBefore.flatMap(before -> links.sendUnlessSentSince(existing, Purpose.INVITE, before))
                .then(role == existing.role()
                        ? Mono.just(new Invited(existing, false, null))
                        : set(existing, Update.update("role", role.name()))
                                .map(user -> new Invited(user, false, existing.role())));
    }

    private Mono<Invited> create(String tenantId, String email, Role role) {
        RecruiterUser user = new RecruiterUser(RandomIds.id("usr_", 20), tenantId, email, null,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), role, UserStatus.INVITED);
        return mongo.insert(user)
                .onErrorMap(DuplicateKeyException.class, raced -> new EmailStoredMeanwhile())
                // a racing invite of the address may have sent the new account its link already
                .flatMap(saved -> links.sendUnlessSentSince(saved, Purpose.INVITE, 0,
                                mongo.remove(Query.query(Criteria.where("_id").is(saved.id())), RecruiterUser.class)
                                        .then())
                        .thenReturn(new Invited(saved, true, null)));
    }

    /** Changes the role and/or the active state; either may be null (unchanged). */
    Mono<Changed> change(Caller admin, String userId, Role role, Boolean active) {
        return get(admin.tenantId(), userId).flatMap(user -> {
            Mono<RecruiterUser> result = Mono.just(user);
            if (role != null && role != user.role()) {
                result = result.flatMap(current -> changeRole(current, role));
            }
            if (Boolean.FALSE.equals(active) && user.status() != UserStatus.DEACTIVATED) {
                result = result.flatMap(this::deactivate);
            } else if (Boolean.TRUE.equals(active) && user.status() == UserStatus.DEACTIVATED) {
                result = result.flatMap(this::reactivate);
            }
            return result.map(after -> new Changed(user, after));
        });
    }

    Mono<Changed> deactivate(Caller admin, String userId) {
        return get(admin.tenantId(), userId)
                .flatMap(user -> (user.status() == UserStatus.DEACTIVATED ? Mono.just(user) : deactivate(user))
                        .map(after -> new Changed(user, after)));
    }

    private Mono<RecruiterUser> changeRole(RecruiterUser user, Role role) {
        return keepingAnAdmin(user, () -> set(user, Update.update("role", role.name())),
                () -> set(user, Update.update("role", user.role().name())));
    }

    /** Deactivation takes effect at once: links voided, every sign-in ended, this instance's cache forgotten. */
    private Mono<RecruiterUser> deactivate(RecruiterUser user) {
        return keepingAnAdmin(user,
                () -> set(user, new Update().set("status", UserStatus.DEACTIVATED.name())
                        .set("deactivatedAt", clock.instant())),
                () -> set(user, Update.update("status", user.status().name())))
                .flatMap(changed -> links.voidLinksOf(user.id()).then(signIns.endAll(user.id())).thenReturn(changed));
    }

    /**
     * A reactivated person signs in with the password they had. One who never set one is invited again, with a fresh
     * link: deactivation voided the one they had, so without it they could not get in. The link goes first, as when
     * inviting again: if it cannot be sent (429, 503) nothing changes.
     */
    private Mono<RecruiterUser> reactivate(RecruiterUser user) {
        if (user.passwordHash() == null) {
            return links.send(user, Purpose.INVITE).then(set(user, Update.update("status", UserStatus.INVITED.name())));
        }
        return set(user, Update.update("status", UserStatus.ACTIVE.name()));
    }

    /**
     * Applies {@code change} unless it would leave the tenant without an active ADMIN: checked before, and
     * again after (two admins demoting each other at once must not both succeed), undoing it if so.
     */
    private Mono<RecruiterUser> keepingAnAdmin(RecruiterUser user, Supplier<Mono<RecruiterUser>> change,
                                               Supplier<Mono<RecruiterUser>> undo) {
        if (!(user.active() && user.role() == Role.ADMIN)) {
            return change.get();
        }
        return activeAdmins(user.tenantId())
                .flatMap(before -> before <= 1 ? Mono.error(lastAdmin()) : change.get())
                .flatMap(changed -> activeAdmins(user.tenantId())
                        .flatMap(after -> after == 0 ? undo.get().then(Mono.error(lastAdmin())) : Mono.just(changed)));
    }

    private Mono<Long> activeAdmins(String tenantId) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenantId).and("role").is(Role.ADMIN.name())
                .and("status").is(UserStatus.ACTIVE.name())), RecruiterUser.class);
    }

    private Mono<RecruiterUser> set(RecruiterUser user, Update update) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(user.id())), update, RecruiterUser.class)
                .then(Mono.fromRunnable(() -> checks.forgetUser(user.id())))
                .then(mongo.findById(user.id(), RecruiterUser.class));
    }

    private static ProblemException lastAdmin() {
        return new ProblemException(HttpStatus.CONFLICT, "last-admin", "Conflict",
                "This is the tenant's last active admin. Make someone else an admin first.");
    }

    private static ProblemException emailTaken() {
        return ProblemException.conflict("email-taken", "email: an account with this email exists already.")
                .with("field", "email");
    }
}
