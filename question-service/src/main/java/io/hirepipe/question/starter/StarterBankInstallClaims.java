package io.hirepipe.question.starter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One starter-bank install at a time per tenant. The install checks what exists and then inserts what
 * is missing, so two at once would both insert; a unique index on the source key cannot stop that,
 * because the embedded MongoDB-compatible server ignores compound secondary indexes. The claim is a
 * document whose {@code _id} is the tenant id, which every server keeps unique: an upsert matching only
 * an expired (or released) claim either takes the claim or fails on the duplicate {@code _id} because
 * another install holds it. The lease frees the claim of an install whose process died.
 */
@Component
class StarterBankInstallClaims {

    static final String COLLECTION = "starter_bank_installs";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;

    StarterBankInstallClaims(MongoTemplate mongo, Clock clock,
                             @Value("${hirepipe.questions.starter-bank.install-lease:PT2M}") Duration lease) {
        this.mongo = mongo;
        this.clock = clock;
        this.lease = lease;
    }

    record Claim(String tenantId, String claimId) {
    }

    /** @return the claim, or empty while another install of this tenant holds it */
    Optional<Claim> claim(String tenantId) {
        Instant now = clock.instant();
        Claim claim = new Claim(tenantId, UUID.randomUUID().toString());
        Query free = Query.query(Criteria.where("_id").is(tenantId).and("leaseUntil").lt(now));
        Update take = new Update().set("claimId", claim.claimId()).set("claimedAt", now)
                .set("leaseUntil", now.plus(lease));
        try {
            mongo.upsert(free, take, COLLECTION);
            return Optional.of(claim);
        } catch (DuplicateKeyException held) {
            return Optional.empty();
        }
    }

    /** Frees the claim, unless its lease ran out and another install took it over meanwhile. */
    void release(Claim claim) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claim.tenantId()).and("claimId").is(claim.claimId())),
                new Update().set("leaseUntil", Instant.EPOCH), COLLECTION);
    }
}
