package io.hirepipe.gateway.apikey;

import io.hirepipe.defaults.security.ApiScope;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Set;

/** Creating, listing, revoking and verifying API keys; every read and write is scoped to a tenant. */
@Service
public class ApiKeys {

    /** A tenant has a handful of integrations; a list this long means something is wrong. */
    static final int MAX_LISTED = 500;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public ApiKeys(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public record Created(ApiKey key, String value) {
    }

    public Mono<Created> create(Caller recruiter, String name, Set<ApiScope> scopes) {
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = new ApiKey(secret.keyId(), recruiter.tenantId(), name.trim(), secret.displayPrefix(),
                secret.hash(), recruiter.subject(), clock.instant(), null,
                scopes.stream().sorted().map(ApiScope::value).toList());
        return mongo.insert(key).map(saved -> new Created(saved, secret.value()));
    }

    public Flux<ApiKey> list(String tenantId) {
        Query query = Query.query(Criteria.where("tenantId").is(tenantId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .limit(MAX_LISTED);
        return mongo.find(query, ApiKey.class);
    }

    /** The key, or a 404 problem when it does not exist in this tenant. */
    public Mono<ApiKey> get(String tenantId, String id) {
        return mongo.findOne(inTenant(tenantId, id), ApiKey.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("API key", id)));
    }

    /** Revokes the key; revoking it again is a no-op. Unknown and foreign ids are 404. */
    public Mono<Void> revoke(String tenantId, String id) {
        Query active = inTenant(tenantId, id).addCriteria(Criteria.where("revokedAt").is(null));
        return mongo.updateFirst(active, Update.update("revokedAt", clock.instant()), ApiKey.class)
                .flatMap(result -> result.getMatchedCount() > 0 ? Mono.<Void>empty() : get(tenantId, id).then());
    }

    /**
     * The key a presented value stands for; empty when it is unknown, forged or revoked. Read from the
     * database on every request, so a revocation takes effect at once.
     */
    public Mono<ApiKey> authenticate(String presented) {
        return Mono.justOrEmpty(ApiKeySecret.parse(presented))
                .flatMap(secret -> mongo.findById(secret.keyId(), ApiKey.class)
                        .filter(key -> !key.revoked() && secret.matches(key.secretHash())));
    }

    private static Query inTenant(String tenantId, String id) {
        return Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId));
    }
}
