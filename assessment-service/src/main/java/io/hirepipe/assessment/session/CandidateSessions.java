package io.hirepipe.assessment.session;

import io.hirepipe.assessment.privacy.PrivacySettingsStore;
import io.hirepipe.assessment.invitation.Ids;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.InvitationStore;
import io.hirepipe.assessment.invitation.Session;
import io.hirepipe.assessment.questions.QuestionService;
import io.hirepipe.assessment.questions.TestDelivery;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentStarted;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The candidate's invitation and session. A candidate reaches exactly one: the invitation named in
 * their token, within the token's tenant; anything else does not exist for them.
 */
@Service
class CandidateSessions {

    private final InvitationStore invitations;
    private final SessionStore store;
    private final SessionCache cache;
    private final QuestionService questions;
    private final SessionClock clock;
    private final SessionMetrics metrics;
    private final PrivacySettingsStore privacy;

    CandidateSessions(InvitationStore invitations, SessionStore store, SessionCache cache, QuestionService questions,
                      SessionClock clock, SessionMetrics metrics,
                      PrivacySettingsStore privacy) {
        this.invitations = invitations;
        this.store = store;
        this.cache = cache;
        this.questions = questions;
        this.clock = clock;
        this.metrics = metrics;
        this.privacy = privacy;
    }

    /** From Redis when hot, else from MongoDB (and then made hot). */
    Invitation current(Caller caller) {
        String invitationId = invitationOf(caller);
        return cache.get(caller.tenantId(), invitationId).orElseGet(() -> {
            Invitation invitation = fromDatabase(caller);
            cache.refresh(invitation);
            return invitation;
        });
    }

    /** Straight from MongoDB, for decisions a stale copy must not make. */
    Invitation fromDatabase(Caller caller) {
        String invitationId = invitationOf(caller);
        return invitations.find(caller.tenantId(), invitationId)
                .orElseThrow(() -> ProblemException.notFound("Invitation", invitationId));
    }

    /** The started invitation, or 409 when the candidate has not started yet. */
    Invitation started(Caller caller) {
        Invitation invitation = current(caller);
        if (!invitation.started()) {
            throw ProblemException.conflict("session-not-started", "The assessment has not been started yet.");
        }
        return invitation;
    }

    CandidateAssessmentView assessment(Caller caller) {
        return CandidateAssessmentView.of(current(caller), clock.now(), privacy.notice(caller.tenantId()).orElse(null));
    }

    SessionView session(Caller caller) {
        return SessionView.of(started(caller), clock.now());
    }

    /**
     * Starts the session once: freezes the delivered questions, fixes the server-side deadline and
     * records AssessmentStarted in the same write. Starting again returns the same session.
     */
    SessionView start(Caller caller) {
        Invitation invitation = fromDatabase(caller);
        if (invitation.started()) {
            return SessionView.of(invitation, clock.now());
        }
        refuseIfUnusable(invitation, clock.now());

        // The id first: question-service draws this session's pools and shuffles from it.
        String sessionId = Ids.session();
        TestDelivery delivery = questions.delivery(caller.tenantId(), invitation.testId(), sessionId);
        Instant now = clock.now();
        Instant deadline = now.plus(Duration.ofMinutes(delivery.durationMinutes() + invitation.extraTimeMinutes()));
        Session session = new Session(sessionId, now, deadline, QuestionFreezer.freeze(delivery.questions(), sessionId,
                delivery.shufflesOptions()),
                Map.of(), null, null, delivery.testVersion(), delivery.drawnFromPools());
        EventEnvelope<AssessmentStarted> started = EventEnvelope.of(
                new AssessmentStarted(invitation.id(), sessionId, now, deadline),
                caller.tenantId(), CorrelationId.currentOrNew(), now);

        // Still INVITED and unexpired at the revision read: claim it by that revision, a lookup the database
        // answers by index, and the result is the copy read plus this write; otherwise (changed meanwhile) the
        // conditional write decides.
        Optional<Invitation> claimed = invitation.status() == InvitationStatus.INVITED && invitation.expiresAt().isAfter(now)
                && store.startAt(caller.tenantId(), invitation.id(), invitation.revision(), session, delivery.title(),
                        delivery.durationMinutes(), delivery.passMarkPercent(), started)
                ? Optional.of(invitation.withStart(session, delivery.title(), delivery.durationMinutes(),
                        delivery.passMarkPercent()))
                : Optional.empty();
        if (claimed.isEmpty()) {
            claimed = store.start(caller.tenantId(), invitation.id(), now, session, delivery.title(),
                    delivery.durationMinutes(), delivery.passMarkPercent(), started);
        }
        claimed.ifPresent(won -> metrics.sessionStarted());
        Invitation result = claimed.orElseGet(() -> {
            // Lost a race: a parallel start won (fine, same session for both), or it was revoked or expired.
            Invitation latest = fromDatabase(caller);
            if (!latest.started()) {
                refuseIfUnusable(latest, clock.now());
                throw ProblemException.conflict("invitation-changed", "The invitation changed meanwhile; try again.");
            }
            return latest;
        });
        cache.refresh(result);
        return SessionView.of(result, clock.now());
    }

    private static void refuseIfUnusable(Invitation invitation, Instant now) {
        InvitationStatus status = invitation.statusAt(now);
        if (status == InvitationStatus.REVOKED) {
            throw ProblemException.gone("invitation-revoked", "This invitation was withdrawn.");
        }
        if (status == InvitationStatus.EXPIRED) {
            throw ProblemException.gone("invitation-expired", "This invitation expired before it was started.");
        }
    }

    private static String invitationOf(Caller caller) {
        if (caller.invitationId() == null) {
            throw ProblemException.notFound("Invitation", "(none)");
        }
        return caller.invitationId();
    }
}
