package io.hirepipe.gateway.audit;

import io.hirepipe.defaults.web.CursorCriteria;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tenant audit log, append-only: entries are inserted, found and exported, and there is no code path
 * that updates or deletes one. The entry id is the event id, so a redelivered event is a no-op.
 */
@Component
public class AuditTrail implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    public AuditTrail(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the entry; one already stored under its id (the same event again) leaves the log unchanged. */
    public Mono<Void> record(AuditEntry entry) {
        return mongo.insert(entry).then().onErrorResume(DuplicateKeyException.class, sameEvent -> Mono.empty());
    }

    /** Like the identity indexes: created before the first entry is written or read. */
    @Override
    public void run(ApplicationArguments args) {
        ensureIndexes().block(Duration.ofSeconds(60));
    }

    /** The indexes behind the admin's queries: each filter is the tenant, maybe one field, and a time range. */
    public Mono<Void> ensureIndexes() {
        var ops = mongo.indexOps(AuditEntry.COLLECTION);
        return Mono.when(
                ops.createIndex(timeOrdered(new Index().on("tenantId", Sort.Direction.ASC)).named("tenant_time")),
                ops.createIndex(timeOrdered(new Index().on("tenantId", Sort.Direction.ASC).on("actorId", Sort.Direction.ASC))
                        .named("tenant_actor_time")),
                ops.createIndex(timeOrdered(new Index().on("tenantId", Sort.Direction.ASC).on("action", Sort.Direction.ASC))
                        .named("tenant_action_time")),
                ops.createIndex(timeOrdered(new Index().on("tenantId", Sort.Direction.ASC).on("targetId", Sort.Direction.ASC))
                        .named("tenant_target_time")));
    }

    private static Index timeOrdered(Index index) {
        return index.on("occurredAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC);
    }

    /** Newest first, at most {@code limit} entries after the query's cursor. */
    Flux<AuditEntry> find(String tenantId, AuditQuery query, int limit) {
        return mongo.find(query(tenantId, query).limit(limit), AuditEntry.class);
    }

    Mono<AuditEntry> get(String tenantId, String id) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)), AuditEntry.class);
    }

    /** Every matching entry, newest first, for the export. */
    Flux<AuditEntry> stream(String tenantId, AuditQuery query) {
        return mongo.find(query(tenantId, query), AuditEntry.class);
    }

    private static Query query(String tenantId, AuditQuery q) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("tenantId").is(tenantId));
        if (q.actor() != null) {
            // An admin knows colleagues by email, keys and services by id.
            all.add(new Criteria().orOperator(Criteria.where("actorId").is(q.actor()),
                    Criteria.where("actorEmail").is(q.actor().toLowerCase(Locale.ROOT))));
        }
        if (q.action() != null) {
            all.add(Criteria.where("action").is(q.action()));
        }
        if (q.targetId() != null) {
            all.add(Criteria.where("targetId").is(q.targetId()));
        }
        if (q.from() != null) {
            all.add(Criteria.where("occurredAt").gte(q.from()));
        }
        if (q.to() != null) {
            all.add(Criteria.where("occurredAt").lt(q.to()));
        }
        if (q.after() != null) {
            all.add(CursorCriteria.after("occurredAt", q.after()));
        }
        return Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)))
                .with(Sort.by(Sort.Direction.DESC, "occurredAt").and(Sort.by(Sort.Direction.DESC, "_id")));
    }
}
