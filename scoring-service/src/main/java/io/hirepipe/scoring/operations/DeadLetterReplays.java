package io.hirepipe.scoring.operations;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which dead letters were replayed, by whom and when: one document per dead letter, so a record is
 * replayed at most once (replaying again would only fail the same way, or duplicate work).
 */
@Component
public class DeadLetterReplays {

    private final MongoTemplate mongo;

    public DeadLetterReplays(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(Replay.COLLECTION)
    public record Replay(@Id String id, String tenantId, String replayedBy, Instant replayedAt) {
        static final String COLLECTION = "dead_letter_replays";
    }

    /** @return false when it was claimed before */
    public boolean claim(Replay replay) {
        try {
            mongo.insert(replay);
            return true;
        } catch (DuplicateKeyException claimedBefore) {
            return false;
        }
    }

    /** Gives a claim back when the replay could not be sent, so it can be tried again. */
    public void release(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), Replay.class);
    }

    public Map<String, Replay> find(String tenantId, Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids).and("tenantId").is(tenantId)), Replay.class)
                .stream().collect(Collectors.toMap(Replay::id, Function.identity()));
    }
}
