package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.InvitationStore;
import io.hirepipe.assessment.invitation.InvitationView;
import io.hirepipe.assessment.invitation.Score;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.defaults.audit.AuditEvents;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A recruiter reopens a closed session after a technical problem: it runs again, with every answer it
 * had, until now + the minutes granted; the candidate's link opens it again. Its next close (submit or
 * the expiry sweep, which reads the new deadline from MongoDB like any other) emits a new
 * AssessmentSubmitted, which scoring-service scores in place of the machine's earlier result.
 *
 * <p>Not once a person decided on the result (finalised it, or changed an item's points): those
 * decisions judged the answers as they were, and are never silently discarded (409).
 */
@Service
class SessionReopening {

    private static final int ATTEMPTS = 5;

    private final InvitationStore invitations;
    private final SessionStore store;
    private final SessionCache cache;
    private final SessionClock clock;

    SessionReopening(InvitationStore invitations, SessionStore store, SessionCache cache, SessionClock clock) {
        this.invitations = invitations;
        this.store = store;
        this.cache = cache;
        this.clock = clock;
    }

    InvitationView reopen(Caller caller, String invitationId, int extraMinutes, String reason) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Invitation current = invitations.find(caller.tenantId(), invitationId)
                    .orElseThrow(() -> ProblemException.notFound("Invitation", invitationId));
            Instant now = clock.now();
            requireReopenable(current, now);
            Instant deadline = now.plus(Duration.ofMinutes(extraMinutes));
            EventEnvelope<AuditRecorded> audit = AuditEvents.success(caller, "session.reopened", "session",
                    current.session().id(), Map.of("invitationId", invitationId,
                            "extraMinutes", String.valueOf(extraMinutes), "reason", reason,
                            "previousSubmitReason", String.valueOf(current.session().submitReason())), now);
            Optional<Invitation> reopened = store.reopen(current.tenantId(), invitationId, current.revision(),
                    deadline, audit);
            if (reopened.isPresent()) {
                cache.refresh(reopened.get());
                return InvitationView.of(reopened.get(), now, null);
            }
        }
        throw ProblemException.conflict("invitation-changed", "The invitation is changing right now; try again.");
    }

    private static void requireReopenable(Invitation invitation, Instant now) {
        if (invitation.candidateErased()) {
            // the erasure reported this candidate forgotten: a running session would collect their answers anew
            throw Invitation.candidateErasedConflict(invitation.id(), "reopened");
        }
        InvitationStatus status = invitation.statusAt(now);
        if (status != InvitationStatus.SUBMITTED && status != InvitationStatus.SCORED) {
            throw ProblemException.conflict("session-not-closed", "Invitation '" + invitation.id() + "' is " + status
                    + "; only a submitted session can be reopened" + (status == InvitationStatus.STARTED
                    ? " (a running one can be given extra time)." : ".")).with("invitationStatus", status);
        }
        Score score = invitation.score();
        if (score != null && (score.finalizedAt() != null || score.adjustedAt() != null)) {
            throw ProblemException.conflict("result-reviewed", "A person already "
                    + (score.finalizedAt() != null ? "finalised" : "adjusted") + " the result of invitation '"
                    + invitation.id() + "'; a reviewed session cannot be reopened.");
        }
    }
}
