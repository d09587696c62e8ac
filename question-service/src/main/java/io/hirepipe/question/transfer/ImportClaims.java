package io.hirepipe.question.transfer;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.question.claim.TenantClaims;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One import into a tenant's bank at a time. An import looks up which of its source keys the bank holds and inserts
 * the rest, so two at once (a retry after the gateway stopped waiting for the first, a second click) would both insert
 * every question; a unique index on the source key cannot stop that, as the embedded MongoDB-compatible server ignores
 * compound secondary indexes ({@link TenantClaims}). Its lease frees the claim of an import whose process died; an
 * import itself takes seconds.
 */
@Component
class ImportClaims {

    static final String COLLECTION = "question_imports";
    static final int RETRY_AFTER_SECONDS = 5;

    private final TenantClaims claims;
    private final Clock clock;
    private final Duration lease;

    ImportClaims(MongoTemplate mongo, Clock clock,
                 @Value("${hirepipe.questions.import-lease:PT5M}") Duration lease) {
        this.claims = new TenantClaims(mongo, COLLECTION);
        this.clock = clock;
        this.lease = lease;
    }

    /** @throws ProblemException 409 {@code import-in-progress} while another import into this tenant's bank runs */
    <T> T exclusively(String tenantId, Supplier<T> work) {
        Instant now = clock.instant();
        String claimId = claims.take(tenantId, now, now.plus(lease), new Update()).orElseThrow(() -> {
            ProblemException busy = ProblemException.conflict("import-in-progress", "Another import into this "
                    + "question bank is running. Try again when it has finished: importing the same file again then "
                    + "adds only what it did not.").with("retryAfterSeconds", RETRY_AFTER_SECONDS);
            busy.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            return busy;
        });
        try {
            return work.get();
        } finally {
            claims.release(tenantId, claimId, new Update());
        }
    }
}
