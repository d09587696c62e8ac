package io.hirepipe.assessment.invitation;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.InvitationExpired;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.outbox.Outbox;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import static io.hirepipe.assessment.invitation.InvitationFields.EXPIRES_AT;
import static io.hirepipe.assessment.invitation.InvitationFields.STATUS;
import static io.hirepipe.assessment.invitation.InvitationFields.TENANT;

/**
 * Announces each invitation that passed its expiry unstarted: marks it and appends InvitationExpired
 * to its outbox in one conditional single-document update, so the event is emitted exactly once
 * however many sweeps (or instances) race, and never for an invitation started or revoked first.
 *
 * <p>The stored status stays INVITED: EXPIRED is still derived when read (see
 * {@link Invitation#statusAt}), and {@value #EXPIRY_ANNOUNCED_AT} only records that the event went
 * out. Anything that later moves an invitation's expiry forward must unset that field, so that the
 * next expiry is announced too.
 */
@Component
public class InvitationExpirySweep {

    static final String EXPIRY_ANNOUNCED_AT = InvitationFields.EXPIRY_ANNOUNCED_AT;
    private static final Logger log = LoggerFactory.getLogger(InvitationExpirySweep.class);
    /** Bounds one run (200 × 50 = 10,000 invitations with the default batch); the next run goes on. */
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final int batch;

    InvitationExpirySweep(MongoTemplate mongo, Clock clock,
                          @Value("${hirepipe.invitations.expiry-sweep-batch:200}") int batch) {
        this.mongo = mongo;
        this.clock = clock;
        this.batch = batch;
    }

    /**
     * Announces every invitation due now, a batch at a time, so that a backlog (a bulk invitation's unstarted
     * candidates expiring together, or a service down for a day) goes out in one run rather than one batch per
     * interval.
     *
     * @return how many invitations this run announced
     */
    @Scheduled(fixedDelayString = "${hirepipe.invitations.expiry-sweep-interval:30s}",
            initialDelayString = "${hirepipe.invitations.expiry-sweep-interval:30s}")
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int announced = 0;
        for (int round = 0; round < MAX_BATCHES_PER_RUN; round++) {
            List<Document> expired = due(now);
            int won = announceAll(expired, now);
            announced += won;
            // A short batch was all that is due. A full one that announced nothing failed (or other instances took
            // it): the next run tries again rather than this one spinning on it.
            if (expired.size() < batch || won == 0) {
                break;
            }
        }
        return announced;
    }

    private List<Document> due(Instant now) {
        Query due = Query.query(unannouncedExpired(now)).with(Sort.by(EXPIRES_AT)).limit(batch);
        due.fields().include("_id", TENANT, EXPIRES_AT, "testId");
        return mongo.find(due, Document.class, Invitation.COLLECTION);
    }

    private int announceAll(List<Document> expired, Instant now) {
        int announced = 0;
        for (Document invitation : expired) {
            try (CorrelationId.Scope ignored = CorrelationId.open(CorrelationId.newId())) {
                if (announce(invitation, now)) {
                    announced++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not announce the expiry of invitation {}; next sweep retries: {}",
                        invitation.get("_id"), e.toString());
            }
        }
        return announced;
    }

    private boolean announce(Document invitation, Instant now) {
        String id = invitation.getString("_id");
        String tenantId = invitation.getString(TENANT);
        Instant expiresAt = invitation.getDate(EXPIRES_AT).toInstant();
        EventEnvelope<InvitationExpired> event = EventEnvelope.of(
                new InvitationExpired(id, invitation.getString("testId"), expiresAt), tenantId,
                CorrelationId.currentOrNew(), now);
        Query stillUnannounced = Query.query(Criteria.where("_id").is(id).and(TENANT).is(tenantId)
                .and(STATUS).is(InvitationStatus.INVITED.name()).and(EXPIRES_AT).lte(Date.from(now))
                .and(EXPIRY_ANNOUNCED_AT).exists(false));
        // An expired invitation has ended: the candidate may be invited to the test again.
        Update update = Outbox.append(new Update().set(EXPIRY_ANNOUNCED_AT, now).unset(InvitationFields.ACTIVE_KEY)
                .unset(InvitationFields.EXPIRY_PENDING), event);
        boolean won = mongo.updateFirst(stillUnannounced, update, Invitation.COLLECTION).getModifiedCount() == 1;
        if (won) {
            log.info("Invitation {} expired unstarted; InvitationExpired {} queued", id, event.eventId());
        }
        return won;
    }

    private static Criteria unannouncedExpired(Instant now) {
        // expiryPending changes no answer: every unannounced unstarted invitation holds it (InvitationStore)
        return Criteria.where(InvitationFields.EXPIRY_PENDING).exists(true)
                .and(STATUS).is(InvitationStatus.INVITED.name()).and(EXPIRES_AT).lte(Date.from(now))
                .and(EXPIRY_ANNOUNCED_AT).exists(false);
    }
}
