package io.hirepipe.scoring.result;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.defaults.outbox.Outbox;
import jakarta.annotation.PostConstruct;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Results, always read within one tenant. */
@Component
public class ResultStore {

    private final MongoTemplate mongo;

    public ResultStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(ScoringResult.class).createIndex(new Index()
                .on("tenantId", Sort.Direction.ASC)
                .on("scoredAt", Sort.Direction.DESC)
                .named("tenant_newest"));
        mongo.indexOps(ScoringResult.class).createIndex(new Index()
                .on("tenantId", Sort.Direction.ASC)
                .on("invitationId", Sort.Direction.ASC)
                .on("scoredAt", Sort.Direction.DESC)
                .named("tenant_invitation_newest"));
        mongo.indexOps(ScoringResult.class).createIndex(new Index()
                .on("tenantId", Sort.Direction.ASC)
                .on("items.questionId", Sort.Direction.ASC)
                .named("tenant_question"));
    }

    public boolean exists(String sessionId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(sessionId)), ScoringResult.class);
    }

    /**
     * Inserts the result and its outbox in one document write.
     *
     * @return false when the session already had a result (a redelivered submission): nothing was written
     */
    public boolean insert(ScoringResult result) {
        try {
            mongo.insert(result);
            return true;
        } catch (DuplicateKeyException alreadyScored) {
            return false;
        }
    }

    /**
     * Writes a person's change and the event it implies in one single-document update, provided
     * nobody changed the result since it was read at {@code changed.revision()}.
     *
     * @return false when the result changed meanwhile: read it again and decide again
     */
    public boolean update(ScoringResult changed, EventEnvelope<?>... events) {
        Criteria sameRevision = changed.revision() == 0
                ? new Criteria().orOperator(Criteria.where("revision").is(0), Criteria.where("revision").exists(false))
                : Criteria.where("revision").is(changed.revision());
        Query query = Query.query(Criteria.where("_id").is(changed.sessionId())
                .and("tenantId").is(changed.tenantId())
                .andOperator(sameRevision));
        Update update = new Update()
                .set("items", changed.items())
                .set("points", changed.points())
                .set("percent", changed.percent())
                .set("passed", changed.passed())
                .set("state", changed.state())
                .set("reviewCount", changed.reviewCount())
                .set("finalizedAt", changed.finalizedAt())
                .set("finalizedBy", changed.finalizedBy())
                .set("revision", changed.revision() + 1);
        Outbox.append(update, events);
        return mongo.updateFirst(query, update, ScoringResult.class).getMatchedCount() == 1;
    }

    public Optional<ScoringResult> find(String tenantId, String sessionId) {
        return Optional.ofNullable(mongo.findOne(withoutOutbox(Query.query(
                Criteria.where("_id").is(sessionId).and("tenantId").is(tenantId))), ScoringResult.class));
    }

    /** Newest first; {@code invitationId} null lists the whole tenant. */
    public List<ScoringResult> list(String tenantId, String invitationId, int limit) {
        Criteria criteria = Criteria.where("tenantId").is(tenantId);
        if (invitationId != null) {
            criteria = criteria.and("invitationId").is(invitationId);
        }
        Query query = withoutOutbox(Query.query(criteria))
                .with(Sort.by(Sort.Direction.DESC, "scoredAt").and(Sort.by(Sort.Direction.DESC, "_id")))
                .limit(limit);
        return mongo.find(query, ScoringResult.class);
    }

    /** The tenant's results that contain {@code questionId}, newest first, at most {@code limit}. */
    public List<ScoringResult> withQuestion(String tenantId, String questionId, int limit) {
        Query query = withoutOutbox(Query.query(Criteria.where("tenantId").is(tenantId)
                .and("items.questionId").is(questionId)))
                .with(Sort.by(Sort.Direction.DESC, "scoredAt"))
                .limit(limit);
        return mongo.find(query, ScoringResult.class);
    }

    /** The outbox is plumbing, not part of the result; readers never need its copy of the event. */
    private static Query withoutOutbox(Query query) {
        query.fields().exclude("outbox");
        return query;
    }
}
