package io.hirepipe.question.bank;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@link QuestionDocument}s. Every query is scoped to one tenant; every change is a
 * conditional update on the revision that was read, so a write based on stale state matches nothing.
 */
@Component
class QuestionStore implements InitializingBean {

    /** The (possibly large) history and the relay's pending events are loaded only when needed. */
    private static final String[] HEAVY_FIELDS = {"publishedVersions", "outbox"};

    private final MongoTemplate mongo;

    QuestionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(QuestionDocument.class);
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("tenant_newest"));
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("tenant_status_newest"));
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("content.tags", Sort.Direction.ASC)
                .named("tenant_tag"));
    }

    void insert(QuestionDocument question) {
        mongo.insert(question);
    }

    Optional<QuestionDocument> find(String tenantId, String id) {
        Query query = Query.query(byId(tenantId, id));
        query.fields().exclude(HEAVY_FIELDS);
        return Optional.ofNullable(mongo.findOne(query, QuestionDocument.class));
    }

    Optional<QuestionDocument> findWithHistory(String tenantId, String id) {
        Query query = Query.query(byId(tenantId, id));
        query.fields().exclude("outbox");
        return Optional.ofNullable(mongo.findOne(query, QuestionDocument.class));
    }

    List<QuestionDocument> findAllWithHistory(String tenantId, Collection<String> ids) {
        Query query = Query.query(Criteria.where("tenantId").is(tenantId).and("_id").in(ids));
        query.fields().exclude("outbox");
        return mongo.find(query, QuestionDocument.class);
    }

    /** Newest first. */
    List<QuestionDocument> list(String tenantId, QuestionStatus status, String tag, int limit) {
        Criteria criteria = Criteria.where("tenantId").is(tenantId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (tag != null) {
            criteria = criteria.and("content.tags").is(tag);
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .limit(limit);
        query.fields().exclude(HEAVY_FIELDS);
        return mongo.find(query, QuestionDocument.class);
    }

    /**
     * Applies {@code update} only if the question is still at the revision {@code read} saw.
     *
     * @return the question after the update, or empty when another write came first
     */
    Optional<QuestionDocument> updateIfUnchanged(QuestionDocument read, Update update) {
        Query query = Query.query(byId(read.tenantId(), read.id()).and("revision").is(read.revision()));
        query.fields().exclude(HEAVY_FIELDS);
        update.inc("revision", 1);
        return Optional.ofNullable(mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                QuestionDocument.class));
    }

    private static Criteria byId(String tenantId, String id) {
        return Criteria.where("_id").is(id).and("tenantId").is(tenantId);
    }
}
