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

/**
 * The candidate's invitation and session. A candidate reaches exactly one: the invitation named in
 * their token, within the token's tenant; anything else does not exist for them.
 */
@Service
class CandidateSessions {

    /** Changes racing a start (another start, a revocation, extra time) are rare and brief; a few re-reads settle them. */
    private static final int START_ATTEMPTS = 5;

    private final InvitationStore invitations;
    private final SessionStore store;
    private final SessionCache cache;
    private final QuestionService questions;
    private final SessionClock clock;
    private final SessionMetrics metrics;
    private final PrivacySettingsStore privacy;
    private final SessionProperties properties;

    CandidateSessions(InvitationStore invitations, SessionStore store, SessionCache cache, QuestionService questions,
                      SessionClock clock, SessionMetrics metrics,
                      PrivacySettingsStore privacy, SessionProperties properties) {
        this.invitations = invitations;
        this.store = store;
        this.cache = cache;
        this.questions = questions;
        this.clock = clock;
        this.metrics = metrics;
        this.privacy = privacy;
        this.properties = properties;
    }

    /**
     * From Redis when hot, else from MongoDB (and then made hot). A copy of a session still running past its deadline
     * and grace is read again from MongoDB: the sweep closes such a session within seconds (and refreshes the copy),
     * so the copy is either about to change or older than the record (its deadline moved in a write whose refresh
     * Redis missed), and the candidate's page would show the time as over.
     */
    Invitation current(Caller caller) {
        String invitationId = invitationOf(caller);
        Instant now = clock.now();
        return cache.get(caller.tenantId(), invitationId).filter(copy -> !runningPastItsTime(copy, now)).orElseGet(() -> {
            Invitation invitation = fromDatabase(caller);
            cache.refresh(invitation);
            return invitation;
        });
    }

    private boolean runningPastItsTime(Invitation copy, Instant now) {
        return copy.status() == InvitationStatus.STARTED && copy.session() != null
                && now.isAfter(copy.session().deadline().plus(properties.grace()));
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

        // Claim the invitation at the revision read, a lookup the database answers by index, and the result is the
        // copy read plus this write. If it changed meanwhile, decide again on the record: a parallel start won (the
        // same session for both), it was revoked or expired (refused), or the recruiter gave extra time, which the
        // deadline must include (a write that ignored the change would start the session without it).
        Invitation current = invitation;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            Instant now = clock.now();
            if (current.started()) {
                cache.refresh(current);
                return SessionView.of(current, now);
            }
            refuseIfUnusable(current, now);
            if (current.status() != InvitationStatus.INVITED) {
                break;
            }
            Instant deadline = now.plus(Duration.ofMinutes(delivery.durationMinutes() + current.extraTimeMinutes()));
            Session session = new Session(sessionId, now, deadline, QuestionFreezer.freeze(delivery.questions(),
                    sessionId, delivery.shufflesOptions()),
                    Map.of(), null, null, delivery.testVersion(), delivery.drawnFromPools());
            EventEnvelope<AssessmentStarted> started = EventEnvelope.of(
                    new AssessmentStarted(current.id(), sessionId, now, deadline),
                    caller.tenantId(), CorrelationId.currentOrNew(), now);
            if (store.startAt(caller.tenantId(), current.id(), current.revision(), session, delivery.title(),
                    delivery.durationMinutes(), delivery.passMarkPercent(), started)) {
                metrics.sessionStarted();
                Invitation result = current.withStart(session, delivery.title(), delivery.durationMinutes(),
                        delivery.passMarkPercent());
                cache.refresh(result);
                return SessionView.of(result, now);
            }
            current = fromDatabase(caller);
        }
        throw ProblemException.conflict("invitation-changed", "The invitation changed meanwhile; try again.");
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
