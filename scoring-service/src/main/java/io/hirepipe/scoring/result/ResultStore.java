package io.hirepipe.scoring.result;

import jakarta.annotation.PostConstruct;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

    /** The outbox is plumbing, not part of the result; readers never need its copy of the event. */
    private static Query withoutOutbox(Query query) {
        query.fields().exclude("outbox");
        return query;
    }
}
