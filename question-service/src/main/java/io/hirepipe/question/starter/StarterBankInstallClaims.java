package io.hirepipe.question.starter;

import io.hirepipe.question.claim.TenantClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One starter-bank install at a time per tenant ({@link TenantClaims}). The install checks what exists and then
 * inserts what is missing, so two at once would both insert.
 *
 * <p>The lease frees the claim of an install whose process died, and only that: a live install renews its
 * lease on a heartbeat while it works, so an install slower than the lease is never taken over. A finished
 * install leaves its report on the claim document, so that callers who waited for it answer with it.
 */
@Component
class StarterBankInstallClaims implements DisposableBean {

    static final String COLLECTION = "starter_bank_installs";

    private static final Logger log = LoggerFactory.getLogger(StarterBankInstallClaims.class);

    private final MongoTemplate mongo;
    private final TenantClaims claims;
    private final Clock clock;
    private final Duration lease;
    private final Duration heartbeat;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "starter-bank-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    StarterBankInstallClaims(MongoTemplate mongo, Clock clock,
                             @Value("${hirepipe.questions.starter-bank.install-lease:PT2M}") Duration lease,
                             @Value("${hirepipe.questions.starter-bank.install-heartbeat:PT30S}") Duration heartbeat) {
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(lease.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("The install heartbeat (" + heartbeat + ") must be positive and at most "
                    + "half the lease (" + lease + "), or a live install could lose its claim between two renewals");
        }
        this.mongo = mongo;
        this.claims = new TenantClaims(mongo, COLLECTION);
        this.clock = clock;
        this.lease = lease;
        this.heartbeat = heartbeat;
    }

    record Claim(String tenantId, String claimId) {
    }

    /**
     * The claim document as stored.
     *
     * @param claimId         the install holding (or last holding) the claim
     * @param finishedClaimId the last install that finished, whose {@code report} this is
     */
    @Document(COLLECTION)
    record InstallState(@Id String tenantId, String claimId, Instant leaseUntil, String finishedClaimId,
                        Instant finishedAt, StarterBankInstaller.InstallReport report) {

        boolean heldAt(Instant now) {
            return leaseUntil != null && leaseUntil.isAfter(now);
        }
    }

    /** @return the claim, or empty while another install of this tenant holds it */
    Optional<Claim> claim(String tenantId) {
        Instant now = clock.instant();
        return claims.take(tenantId, now, now.plus(lease), new Update().set("claimedAt", now))
                .map(claimId -> new Claim(tenantId, claimId));
    }

    Optional<InstallState> state(String tenantId) {
        return Optional.ofNullable(mongo.findById(tenantId, InstallState.class, COLLECTION));
    }

    /** Keeps renewing the claim's lease until the returned heartbeat is closed (when the install ends). */
    Heartbeat keepAlive(Claim claim) {
        Beats beats = new Beats();
        ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> beats.unlessClosed(() -> renew(claim)),
                heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            beats.close();
            renewal.cancel(false);
        };
    }

    /**
     * Cancelling the schedule alone lets a renewal already under way finish after close() returned, and one that
     * read the clock late extends the lease of an install that has ended (or, in tests, of one that "died").
     */
    private static final class Beats {

        private boolean closed;

        synchronized void unlessClosed(Runnable beat) {
            if (!closed) {
                beat.run();
            }
        }

        /** Waits for a renewal under way: none runs once this returns. */
        synchronized void close() {
            closed = true;
        }
    }

    /** A running renewal; closing it stops renewing, waiting for a renewal under way (and never fails). */
    interface Heartbeat extends AutoCloseable {
        @Override
        void close();
    }

    /** @return whether the claim was still this install's to renew */
    boolean renew(Claim claim) {
        try {
            // Not once finished or released (leaseUntil = EPOCH): a renewal still in flight then must not revive it.
            Query live = held(claim).addCriteria(Criteria.where("leaseUntil").gt(Instant.EPOCH));
            boolean renewed = mongo.updateFirst(live, new Update().set("leaseUntil", clock.instant().plus(lease)),
                    COLLECTION).getMatchedCount() == 1;
            if (!renewed) {
                log.warn("The starter-bank install of tenant {} lost its claim before it finished", claim.tenantId());
            }
            return renewed;
        } catch (RuntimeException e) {
            // The next beat tries again; the lease is several beats long.
            log.warn("Could not renew the starter-bank install lease of tenant {}", claim.tenantId(), e);
            return false;
        }
    }

    /** Frees the claim and leaves the install's report for those who waited for it. */
    void finish(Claim claim, StarterBankInstaller.InstallReport report) {
        claims.release(claim.tenantId(), claim.claimId(), new Update().set("finishedClaimId", claim.claimId())
                .set("finishedAt", clock.instant()).set("report", report));
    }

    /** Frees the claim of an install that failed, unless another install took it over meanwhile. */
    void release(Claim claim) {
        claims.release(claim.tenantId(), claim.claimId(), new Update());
    }

    private static Query held(Claim claim) {
        return TenantClaims.held(claim.tenantId(), claim.claimId());
    }

    @Override
    public void destroy() {
        renewals.shutdownNow();
    }
}
