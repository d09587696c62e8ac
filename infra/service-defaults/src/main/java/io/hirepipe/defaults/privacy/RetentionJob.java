package io.hirepipe.defaults.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The daily retention run: for every tenant that chose a retention, removes what has expired
 * ({@link CandidateDataEraser#removeExpired}). Time comes from the injected {@link Clock}, so tests
 * move it instead of waiting.
 *
 * <p>Several instances of a service share one database: a lease document in {@value #LEASE_COLLECTION}
 * lets one of them run while the others skip. The work itself is idempotent (it only touches what is
 * still there and expired), so a run that overlaps another after a lease ran out is harmless, merely wasted.
 */
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    static final String LEASE_COLLECTION = "job_leases";
    private static final String LEASE_ID = "privacy-retention";
    private static final Duration LEASE = Duration.ofHours(1);

    private final PrivacySettingsReplica settings;
    private final CandidateDataEraser eraser;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    public RetentionJob(PrivacySettingsReplica settings, CandidateDataEraser eraser, MongoTemplate mongo, Clock clock) {
        this.settings = settings;
        this.eraser = eraser;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(cron = "${hirepipe.privacy.retention.cron:0 17 3 * * *}", zone = "UTC")
    public void scheduled() {
        if (!lease()) {
            log.debug("Retention run skipped: another instance holds the lease");
            return;
        }
        runOnce();
    }

    /** One run over every tenant, now by the clock; what each tenant lost, by collection. */
    public Map<String, Map<String, Long>> runOnce() {
        Instant now = clock.instant();
        Map<String, Map<String, Long>> removed = new LinkedHashMap<>();
        settings.retentionDaysByTenant().forEach((tenantId, days) -> {
            try {
                Map<String, Long> counts = eraser.removeExpired(tenantId, now.minus(Duration.ofDays(days)));
                removed.put(tenantId, counts);
                if (counts.values().stream().anyMatch(n -> n > 0)) {
                    log.info("Retention of {} days in tenant {} removed {}", days, tenantId, counts);
                }
            } catch (RuntimeException e) {
                // one tenant's failure must not keep the others' data past their retention; tomorrow retries it
                log.warn("Retention run failed for tenant {}: {}", tenantId, e.toString());
            }
        });
        return removed;
    }

    private boolean lease() {
        Instant now = clock.instant();
        Query free = Query.query(Criteria.where("_id").is(LEASE_ID).and("until").lt(now));
        try {
            mongo.upsert(free, new Update().set("until", now.plus(LEASE)).set("owner", owner), LEASE_COLLECTION);
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }
}
