package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.PartnerLink;
import io.hirepipe.assessment.invitation.Score;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.PartnerResultReady;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.hirepipe.assessment.invitation.InvitationFields.INTEGRITY_SIGNALS;
import static io.hirepipe.assessment.invitation.InvitationFields.OUTBOX;
import static io.hirepipe.assessment.invitation.InvitationFields.PARTNER;
import static io.hirepipe.assessment.invitation.InvitationFields.REVISION;
import static io.hirepipe.assessment.invitation.InvitationFields.SCORE;
import static io.hirepipe.assessment.invitation.InvitationFields.SESSION_ANSWERS;
import static io.hirepipe.assessment.invitation.InvitationFields.SESSION_ID;
import static io.hirepipe.assessment.invitation.InvitationFields.SESSION_QUESTIONS;
import static io.hirepipe.assessment.invitation.InvitationFields.STATUS;
import static io.hirepipe.assessment.invitation.InvitationFields.TENANT;
import static io.hirepipe.assessment.invitation.InvitationFields.TOKEN_HASH;
import static io.hirepipe.assessment.invitation.InvitationStore.byId;

/**
 * Applies scoring-service's results to sessions. Idempotent: the effect "session scored" exists once
 * per session, keyed by the session and the applied event id, so a redelivered event matches
 * nothing and changes nothing.
 *
 * <p>For an invitation an ATS partner sent (Greenhouse), the write that leaves its result final with
 * totals the partner was not yet announced also appends PartnerResultReady to the invitation's outbox: one
 * single-document update, so the partner is told only once its status call can read what it is told about.
 * That decision needs the invitation as it is (what the partner was last told), so such a write is read, decided,
 * then made only if the invitation's revision is still the one read (retried when another write came between). An
 * invitation no partner sent has nothing to decide beyond the event's own rule, which a condition can state: its
 * result is one conditional write, with no read first.
 */
@Component
public class ScoreRecorder {

    private static final Logger log = LoggerFactory.getLogger(ScoreRecorder.class);
    /** Writes lost to a concurrent change of the same invitation before the event is handed back to Kafka's retries. */
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final SessionCache cache;
    private final Clock clock;

    ScoreRecorder(MongoTemplate mongo, SessionCache cache, Clock clock) {
        this.mongo = mongo;
        this.cache = cache;
        this.clock = clock;
    }

    /** A change to apply: the update, and the score the invitation has after it. */
    private record Change(Update update, Score score) {
    }

    /**
     * A session's result, or the result of its new submission after a reopen. Never an older result than the one
     * applied: a replayed event from before a reopen would otherwise put the earlier answers' score back.
     */
    public void scored(String tenantId, String eventId, AssessmentScored scored) {
        Score next = new Score(scored.points(), scored.maxPoints(), scored.percent(), scored.passed(),
                scored.scoredAt(), eventId, scored.provisional(), scored.reviewCount(), null, null);
        // as MongoDB keeps it, so that the comparison with the stored instant is exact
        Instant at = scored.scoredAt() == null ? null : scored.scoredAt().truncatedTo(ChronoUnit.MILLIS);
        Criteria target = byId(tenantId, scored.invitationId()).and(SESSION_ID).is(scored.sessionId())
                .and(STATUS).in(InvitationStatus.SUBMITTED, InvitationStatus.SCORED)
                .and(SCORE + ".eventId").ne(eventId);
        if (at != null) {
            target = target.orOperator(Criteria.where(SCORE).is(null), Criteria.where(SCORE + ".scoredAt").is(null),
                    Criteria.where(SCORE + ".scoredAt").lt(at));
        }
        if (recordDirectly(target, new Update().set(STATUS, InvitationStatus.SCORED).set(SCORE, next))) {
            return;
        }
        record(tenantId, byId(tenantId, scored.invitationId()).and(SESSION_ID).is(scored.sessionId()),
                current -> {
                    Score score = current.score();
                    boolean applies = (current.status() == InvitationStatus.SUBMITTED
                            || current.status() == InvitationStatus.SCORED)
                            && (score == null || !eventId.equals(score.eventId()))
                            && (score == null || at == null || score.scoredAt() == null || score.scoredAt().isBefore(at));
                    return applies ? Optional.of(new Change(new Update().set(STATUS, InvitationStatus.SCORED)
                            .set(SCORE, next), next)) : Optional.empty();
                },
                "AssessmentScored " + eventId + " for session " + scored.sessionId());
    }

    /**
     * A reviewer's adjustment carries the session's new totals. Applied only when newer than the last
     * one applied, so a redelivered or late adjustment never rolls the score back.
     */
    public void adjusted(String tenantId, String eventId, int schemaVersion, ScoreAdjusted adjusted) {
        // as MongoDB keeps it: a redelivery must compare equal to the instant stored, not newer by its microseconds
        Instant at = adjusted.adjustedAt() == null ? Instant.EPOCH : adjusted.adjustedAt().truncatedTo(ChronoUnit.MILLIS);
        if (recordDirectly(session(tenantId, adjusted.invitationId(), adjusted.sessionId())
                        .and(STATUS).is(InvitationStatus.SCORED).and(SCORE).ne(null)
                        .orOperator(Criteria.where(SCORE + ".adjustedAt").is(null),
                                Criteria.where(SCORE + ".adjustedAt").lt(at)),
                adjustment(adjusted, schemaVersion, at))) {
            return;
        }
        record(tenantId, session(tenantId, adjusted.invitationId(), adjusted.sessionId()), current -> {
            Score score = current.score();
            if (current.status() != InvitationStatus.SCORED || score == null
                    || (score.adjustedAt() != null && !score.adjustedAt().isBefore(at))) {
                return Optional.empty();
            }
            Update update = adjustment(adjusted, schemaVersion, at);
            // version 1 did not say whether the result is still provisional: leave what the invitation knows
            boolean provisional = schemaVersion >= 2 ? adjusted.provisional() : score.provisional();
            int reviewCount = schemaVersion >= 2 ? adjusted.reviewCount() : score.reviewCount();
            return Optional.of(new Change(update, new Score(adjusted.points(), adjusted.maxPoints(), adjusted.percent(),
                    adjusted.passed(), score.scoredAt(), score.eventId(), provisional, reviewCount, at,
                    score.finalizedAt())));
        }, "ScoreAdjusted " + eventId + " for session " + adjusted.sessionId());
    }

    /** The adjustment's totals; from schema version 2 on also whether the result is still provisional. */
    private static Update adjustment(ScoreAdjusted adjusted, int schemaVersion, Instant at) {
        Update update = new Update()
                .set(SCORE + ".points", adjusted.points())
                .set(SCORE + ".maxPoints", adjusted.maxPoints())
                .set(SCORE + ".percent", adjusted.percent())
                .set(SCORE + ".passed", adjusted.passed())
                .set(SCORE + ".adjustedAt", at);
        if (schemaVersion >= 2) {
            update.set(SCORE + ".provisional", adjusted.provisional()).set(SCORE + ".reviewCount", adjusted.reviewCount());
        }
        return update;
    }

    /** The result became final with these totals; applying it again sets the same values. */
    public void finalized(String tenantId, String eventId, AssessmentFinalized finalized) {
        Instant at = finalized.finalizedAt() == null ? Instant.EPOCH : finalized.finalizedAt();
        if (recordDirectly(session(tenantId, finalized.invitationId(), finalized.sessionId())
                        .and(STATUS).is(InvitationStatus.SCORED).and(SCORE).ne(null)
                        .and(SCORE + ".finalizedAt").is(null),
                finalization(finalized, at))) {
            return;
        }
        record(tenantId, session(tenantId, finalized.invitationId(), finalized.sessionId()), current -> {
            Score score = current.score();
            if (current.status() != InvitationStatus.SCORED || score == null || score.finalizedAt() != null) {
                return Optional.empty();
            }
            Update update = finalization(finalized, at);
            return Optional.of(new Change(update, new Score(finalized.points(), finalized.maxPoints(),
                    finalized.percent(), finalized.passed(), score.scoredAt(), score.eventId(), false, 0,
                    score.adjustedAt(), at)));
        }, "AssessmentFinalized " + eventId + " for session " + finalized.sessionId());
    }

    private static Update finalization(AssessmentFinalized finalized, Instant at) {
        return new Update()
                .set(SCORE + ".points", finalized.points())
                .set(SCORE + ".maxPoints", finalized.maxPoints())
                .set(SCORE + ".percent", finalized.percent())
                .set(SCORE + ".passed", finalized.passed())
                .set(SCORE + ".provisional", false)
                .set(SCORE + ".reviewCount", 0)
                .set(SCORE + ".finalizedAt", at);
    }

    /**
     * Applies an event to an invitation no partner sent in one conditional write, without reading it first:
     * {@code applies} is the target plus the rule the event's {@link #record} decision makes, as a condition, and
     * such an invitation has no announcement to decide. Matches nothing for an invitation a partner sent (whose
     * PartnerResultReady, version and totals depend on what it was last told, so it is read and decided), and for an
     * event that changes nothing (a redelivery, or a stale one): {@link #record} then settles it as before.
     *
     * @return whether the write applied the event
     */
    private boolean recordDirectly(Criteria applies, Update update) {
        Invitation updated = modify(Query.query(applies.and(PARTNER).is(null)), update.inc(REVISION, 1));
        if (updated == null) {
            return false;
        }
        cache.refresh(updated);
        return true;
    }

    /**
     * Marks an invitation {@code partner} sent before invitations carried the mark (made by an older build), so
     * results applied from now on announce themselves. A result already final is announced in the same write if it
     * last changed after {@code announceSince}, the oldest a results event the older build's notification-service
     * acted on could still be waiting in Kafka; an older one was told long ago and is only recorded as announced.
     *
     * @return false when the invitation is unknown (deleted, say) or was marked already
     */
    public boolean markSentByPartner(String tenantId, String invitationId, String partner, Instant announceSince) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Invitation current = read(byId(tenantId, invitationId));
            if (current == null || current.partner() != null) {
                return false;
            }
            PartnerLink link = PartnerLink.sentBy(partner, null);
            Update update = new Update().inc(REVISION, 1);
            Score score = current.score();
            if (link.awaitsAnnouncementOf(score) && !lastChange(score).isAfter(announceSince)) {
                update.set(PARTNER, link.announcing(score, lastChange(score)));
            } else {
                announceIfDue(current, link, score, update);
            }
            Query query = Query.query(byId(tenantId, invitationId).and(REVISION).is(current.revision()));
            if (modify(query, update) != null) {
                return true;
            }
        }
        throw new ConcurrentChangeException("Marking invitation " + invitationId + " as sent by " + partner);
    }

    /**
     * Reads the invitation, lets {@code decide} say what the event changes, and writes that change (with the partner
     * announcement it makes due) only if nothing else changed the invitation meanwhile. An event that changes nothing
     * still announces a final result the partner was never told of: one applied by a build that did not announce.
     */
    private void record(String tenantId, Criteria target, Function<Invitation, Optional<Change>> decide, String what) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Invitation current = read(target);
            if (current == null) {
                log.info("{} changed nothing (unknown session)", what);
                return;
            }
            Optional<Change> change = decide.apply(current);
            Update update = change.map(Change::update).orElseGet(Update::new).inc(REVISION, 1);
            Score after = change.map(Change::score).orElse(current.score());
            boolean announced = current.partner() != null && announceIfDue(current, current.partner(), after, update);
            if (change.isEmpty() && !announced) {
                // Already applied (a redelivery), or stale: nothing to do.
                log.info("{} changed nothing (already applied)", what);
                return;
            }
            Query query = Query.query(byId(tenantId, current.id()).and(REVISION).is(current.revision()));
            Invitation updated = modify(query, update);
            if (updated != null) {
                cache.refresh(updated);
                return;
            }
        }
        throw new ConcurrentChangeException(what);
    }

    /** Adds PartnerResultReady and the partner's new link to {@code update} if {@code score} is a final result it was not told. */
    private boolean announceIfDue(Invitation invitation, PartnerLink link, Score score, Update update) {
        if (!link.awaitsAnnouncementOf(score)) {
            if (!link.equals(invitation.partner())) {
                update.set(PARTNER, link);
            }
            return false;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PartnerLink announced = link.announcing(score, now);
        String sessionId = invitation.session() == null ? null : invitation.session().id();
        EventEnvelope<PartnerResultReady> ready = EventEnvelope.of(new PartnerResultReady(invitation.id(), sessionId,
                        link.name(), announced.resultVersion(), lastChange(score)), invitation.tenantId(),
                CorrelationId.currentOrNew(), now);
        Outbox.append(update.set(PARTNER, announced), ready);
        log.info("Invitation {}: its partner {} may be told of result version {}", invitation.id(), link.name(),
                announced.resultVersion());
        return true;
    }

    /** When the result reached its current state. */
    private static Instant lastChange(Score score) {
        return Stream.of(score.scoredAt(), score.finalizedAt(), score.adjustedAt()).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    /**
     * The session's invitation, by its {@code _id} when the event names it (older producers did not): the session
     * id alone has no unique index, so the local stack's MongoDB would read every invitation to find it.
     */
    private static Criteria session(String tenantId, String invitationId, String sessionId) {
        Criteria invitation = invitationId != null ? byId(tenantId, invitationId) : Criteria.where(TENANT).is(tenantId);
        return invitation.and(SESSION_ID).is(sessionId);
    }

    private Invitation read(Criteria target) {
        Query query = Query.query(target);
        query.fields().exclude(TOKEN_HASH, OUTBOX, INTEGRITY_SIGNALS, SESSION_QUESTIONS, SESSION_ANSWERS);
        return mongo.findOne(query, Invitation.class);
    }

    private Invitation modify(Query query, Update update) {
        query.fields().exclude(TOKEN_HASH, OUTBOX, INTEGRITY_SIGNALS);
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Invitation.class);
    }

    /** The invitation kept changing under the write; the listener's retries try again later. */
    static final class ConcurrentChangeException extends RuntimeException {
        ConcurrentChangeException(String what) {
            super(what + ": the invitation changed concurrently " + ATTEMPTS + " times; retried later");
        }
    }
}
