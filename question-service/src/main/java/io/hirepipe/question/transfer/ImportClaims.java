package io.hirepipe.question.transfer;

import io.hirepipe.defaults.problem.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One import into a tenant's bank at a time. An import looks up which of its source keys the bank holds and inserts
 * the rest, so two at once (a retry after the gateway stopped waiting for the first, a second click) would both insert
 * every question; a unique index on the source key cannot stop that, as the embedded MongoDB-compatible server ignores
 * compound secondary indexes. The claim is a document whose {@code _id} is the tenant id: an upsert matching only a
 * free claim takes it, or fails on the duplicate {@code _id} while another import holds it. Its lease frees the claim
 * of an import whose process died; an import itself takes seconds.
 */
@Component
class ImportClaims {

    static final String COLLECTION = "question_imports";
    static final int RETRY_AFTER_SECONDS = 5;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;

    ImportClaims(MongoTemplate mongo, Clock clock,
                 @Value("${hirepipe.questions.import-lease:PT5M}") Duration lease) {
        this.mongo = mongo;
        this.clock = clock;
        this.lease = lease;
    }

    /** @throws ProblemException 409 {@code import-in-progress} while another import into this tenant's bank runs */
    <T> T exclusively(String tenantId, Supplier<T> work) {
        Instant now = clock.instant();
        String claimId = UUID.randomUUID().toString();
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(tenantId).and("leaseUntil").lt(now)),
                    new Update().set("claimId", claimId).set("leaseUntil", now.plus(lease)), COLLECTION);
        } catch (DuplicateKeyException held) {
            ProblemException busy = ProblemException.conflict("import-in-progress", "Another import into this "
                    + "question bank is running. Try again when it has finished: importing the same file again then "
                    + "adds only what it did not.").with("retryAfterSeconds", RETRY_AFTER_SECONDS);
            busy.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            throw busy;
        }
        try {
            return work.get();
        } finally {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(tenantId).and("claimId").is(claimId)),
                    new Update().set("leaseUntil", Instant.EPOCH), COLLECTION);
        }
    }
}
