package io.hirepipe.gateway.identity;

import io.hirepipe.gateway.support.RandomIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Creates the gateway's indexes and, when configured, the bootstrap tenant and recruiter. Every
 * write is an upsert that only sets fields on insert, so restarts (or two instances starting at
 * once) change nothing; an existing recruiter keeps the password it has.
 */
@Component
public class IdentityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);
    private static final Duration START_UP_TIMEOUT = Duration.ofSeconds(60);

    private final IdentityIndexes indexes;
    private final ReactiveMongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final BootstrapProperties properties;
    private final Clock clock;

    public IdentityBootstrap(IdentityIndexes indexes, ReactiveMongoTemplate mongo, PasswordEncoder passwords,
                             BootstrapProperties properties, Clock clock) {
        this.indexes = indexes;
        this.mongo = mongo;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Start-up is the one place where blocking is right: serve nothing before the indexes exist.
        indexes.ensure().then(giveRolesToEarlierUsers()).then(bootstrap(properties)).block(START_UP_TIMEOUT);
    }

    /**
     * Users stored before roles existed get ADMIN and ACTIVE written down (see {@link RecruiterUser}: each was
     * their tenant's one bootstrapped recruiter), so queries by role and status find them. Idempotent.
     */
    Mono<Void> giveRolesToEarlierUsers() {
        return Mono.when(
                mongo.updateMulti(Query.query(Criteria.where("role").exists(false)),
                        Update.update("role", io.hirepipe.defaults.security.Role.ADMIN.name()), RecruiterUser.class),
                mongo.updateMulti(Query.query(Criteria.where("status").exists(false)),
                        Update.update("status", UserStatus.ACTIVE.name()), RecruiterUser.class));
    }

    public Mono<Void> bootstrap(BootstrapProperties wanted) {
        if (!wanted.enabled()) {
            return Mono.empty();
        }
        if (isBlank(wanted.recruiterEmail()) || isBlank(wanted.recruiterPassword())) {
            return Mono.error(new IllegalStateException(
                    "hirepipe.bootstrap.tenant-id is set: recruiter-email and recruiter-password are required too"));
        }
        String name = isBlank(wanted.tenantName()) ? wanted.tenantId() : wanted.tenantName();
        return ensureTenant(wanted.tenantId(), name)
                .then(ensureRecruiter(wanted.tenantId(), RecruiterUser.normalizeEmail(wanted.recruiterEmail()),
                        wanted.recruiterPassword()));
    }

    private Mono<Void> ensureTenant(String tenantId, String name) {
        Update insertOnly = new Update()
                .setOnInsert("name", name)
                .setOnInsert("createdAt", clock.instant());
        return mongo.upsert(Query.query(Criteria.where("_id").is(tenantId)), insertOnly, Tenant.class)
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
                .then();
    }

    private Mono<Void> ensureRecruiter(String tenantId, String email, String password) {
        Query byEmail = Query.query(Criteria.where("email").is(email));
        return mongo.findOne(byEmail, RecruiterUser.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(existing -> existing.isPresent()
                        ? alreadyThere(existing.get(), tenantId)
                        // bcrypt is slow on purpose: hash off the event loop, and only for a new recruiter.
                        : Mono.fromCallable(() -> passwords.encode(password))
                                .subscribeOn(Schedulers.boundedElastic())
                                .flatMap(hash -> insertRecruiter(byEmail, tenantId, email, hash)));
    }

    private static Mono<Void> alreadyThere(RecruiterUser existing, String tenantId) {
        if (!existing.tenantId().equals(tenantId)) {
            return Mono.error(new IllegalStateException("Bootstrap recruiter (account "
                    + RecruiterUser.inLogs(existing.email()) + ") already belongs to another tenant"));
        }
        log.debug("Bootstrap recruiter (account {}) of tenant {} already exists", RecruiterUser.inLogs(existing.email()),
                tenantId);
        return Mono.empty();
    }

    private Mono<Void> insertRecruiter(Query byEmail, String tenantId, String email, String hash) {
        Update insertOnly = new Update()
                .setOnInsert("_id", RandomIds.id("usr_", 20))
                .setOnInsert("tenantId", tenantId)
                .setOnInsert("passwordHash", hash)
                // The tenant's first person manages it.
                .setOnInsert("role", io.hirepipe.defaults.security.Role.ADMIN.name())
                .setOnInsert("status", UserStatus.ACTIVE.name())
                .setOnInsert("createdAt", clock.instant());
        return mongo.findAndModify(byEmail, insertOnly, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        RecruiterUser.class)
                // Start-up logs are kept and shipped: the account by its hash prefix, as sign-in lines name it.
                .doOnNext(user -> log.info("Bootstrap recruiter {} (account {}) ensured for tenant {}", user.id(),
                        RecruiterUser.inLogs(email), tenantId))
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
                .then();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
