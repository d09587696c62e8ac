package io.hirepipe.question.claim;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One holder at a time per tenant of some work on its bank (a starter-bank install, an import), by a claim document
 * whose {@code _id} is the tenant id. A unique index on the work's own keys cannot keep two at once apart, as the
 * embedded MongoDB-compatible server ignores compound secondary indexes; every server keeps {@code _id} unique, so an
 * upsert that matches only a claim whose lease ran out (or was released) either takes the claim or fails on the
 * duplicate {@code _id} while another holds it.
 */
public final class TenantClaims {

    private final MongoTemplate mongo;
    private final String collection;

    public TenantClaims(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /**
     * Takes the tenant's claim until {@code leaseUntil}, setting {@code also} on the claim document as well.
     *
     * @return the new claim's id, or empty while another holds the claim
     */
    public Optional<String> take(String tenantId, Instant now, Instant leaseUntil, Update also) {
        String claimId = UUID.randomUUID().toString();
        Query free = Query.query(Criteria.where("_id").is(tenantId).and("leaseUntil").lt(now));
        try {
            mongo.upsert(free, also.set("claimId", claimId).set("leaseUntil", leaseUntil), collection);
            return Optional.of(claimId);
        } catch (DuplicateKeyException held) {
            return Optional.empty();
        }
    }

    /** The claim document, while {@code claimId} still holds it. */
    public static Query held(String tenantId, String claimId) {
        return Query.query(Criteria.where("_id").is(tenantId).and("claimId").is(claimId));
    }

    /** Frees the claim, setting {@code also} too, unless another took it over meanwhile. */
    public void release(String tenantId, String claimId, Update also) {
        mongo.updateFirst(held(tenantId, claimId), also.set("leaseUntil", Instant.EPOCH), collection);
    }
}
