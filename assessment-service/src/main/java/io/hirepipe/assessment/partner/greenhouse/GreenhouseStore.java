package io.hirepipe.assessment.partner.greenhouse;

import jakarta.annotation.PostConstruct;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The adapter's own two collections; every read is within one tenant. */
@Component
class GreenhouseStore {

    private final MongoTemplate mongo;

    GreenhouseStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(GreenhouseInterview.class).createIndex(new Index()
                .on("tenantId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("by_tenant"));
        mongo.indexOps(GreenhouseInterview.class).createIndex(new Index()
                .on("tenantId", Sort.Direction.ASC).on("callbackUrl", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("by_callback"));
    }

    void insert(GreenhouseInterview interview) {
        mongo.insert(interview);
    }

    /** The interviews Greenhouse sent to one callback URL (one take-home test of one application), newest first. */
    List<GreenhouseInterview> sentTo(String tenantId, String callbackUrl) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("callbackUrl").is(callbackUrl))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(10), GreenhouseInterview.class);
    }

    /** Another tenant's interview is not found, exactly like an unknown one. */
    Optional<GreenhouseInterview> interview(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId)),
                GreenhouseInterview.class));
    }

    Optional<GreenhouseSettings> settings(String tenantId) {
        return Optional.ofNullable(mongo.findById(tenantId, GreenhouseSettings.class));
    }

    /**
     * Stores the report address and, when {@code sealedCallbackKey} is not null, a new callback key; null keeps the
     * stored key. One write, so an administrator changing only the address never puts back a key another one
     * replaced a moment before.
     */
    GreenhouseSettings save(String tenantId, String reportTo, String sealedCallbackKey, Instant at, String by) {
        Update update = new Update().set("reportTo", reportTo).set("updatedAt", at).set("updatedBy", by);
        if (sealedCallbackKey != null) {
            update.set("sealedCallbackKey", sealedCallbackKey);
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(tenantId)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), GreenhouseSettings.class);
    }
}
