package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.Answer;
import io.hirepipe.assessment.invitation.Integrity;
import io.hirepipe.assessment.invitation.SignalType;
import io.hirepipe.contracts.events.IntegrityCounts;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.InvitationStore;
import io.hirepipe.assessment.invitation.Session;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Closes sessions exactly once, whoever asks (the candidate, the sweep, another instance's sweep):
 * the conditional STARTED → SUBMITTED update that also appends AssessmentSubmitted decides, and a
 * closed session is reported, not closed again.
 */
@Service
class SubmissionService {

    /** Answer saves racing a submit are rare and brief; a few re-reads settle them. */
    private static final int ATTEMPTS = 5;

    private final CandidateSessions sessions;
    private final InvitationStore invitations;
    private final SessionStore store;
    private final SessionCache cache;
    private final SessionProperties properties;
    private final SessionClock clock;
    private final SessionMetrics metrics;

    SubmissionService(CandidateSessions sessions, InvitationStore invitations, SessionStore store, SessionCache cache,
                      SessionProperties properties, SessionClock clock, SessionMetrics metrics) {
        this.sessions = sessions;
        this.invitations = invitations;
        this.store = store;
        this.cache = cache;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The candidate's submit; past the deadline and its grace it counts as the deadline's. */
    SubmissionView submit(Caller caller) {
        Invitation invitation = sessions.fromDatabase(caller);
        if (!invitation.started()) {
            throw ProblemException.conflict("session-not-started", "The assessment has not been started yet.");
        }
        return SubmissionView.of(closeOnce(invitation, current -> true, current ->
                overdue(current) ? SubmitReason.TIMEOUT : SubmitReason.CANDIDATE));
    }

    /**
     * The sweep's close of an overdue session. Only while it still is: the sweep read it a moment ago, and extra
     * time given meanwhile (just before the old deadline and its grace passed) leaves it running, as it is then
     * returned.
     */
    Invitation closeAtDeadline(Invitation overdue) {
        return closeOnce(overdue, this::overdue, current -> SubmitReason.TIMEOUT);
    }

    private boolean overdue(Invitation invitation) {
        return clock.now().isAfter(invitation.session().deadline().plus(properties.grace()));
    }

    private Invitation closeOnce(Invitation invitation, Predicate<Invitation> due,
                                 Function<Invitation, SubmitReason> reasonFor) {
        Invitation current = invitation;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (current.status() != InvitationStatus.STARTED || !due.test(current)) {
                return current;
            }
            Instant now = clock.now();
            SubmitReason reason = reasonFor.apply(current);
            EventEnvelope<AssessmentSubmitted> submitted = EventEnvelope.of(submittedEvent(current, reason, now),
                    current.tenantId(), CorrelationId.currentOrNew(), now);
            Optional<Invitation> closed = store.close(current.tenantId(), current.id(), current.revision(), now,
                    reason, submitted);
            if (closed.isPresent()) {
                metrics.sessionSubmitted(reason);
                cache.refresh(closed.get());
                return closed.get();
            }
            String invitationId = current.id();
            current = invitations.find(current.tenantId(), invitationId)
                    .orElseThrow(() -> ProblemException.notFound("Invitation", invitationId));
        }
        throw ProblemException.conflict("session-busy", "Answers are still being saved; submit again.");
    }

    /**
     * Every question of the session, unanswered ones with no selection and no text. Titles come from
     * the frozen snapshot, so the report names each question as the candidate saw it even if the bank
     * has renamed it since.
     */
    static AssessmentSubmitted submittedEvent(Invitation invitation, SubmitReason reason, Instant submittedAt) {
        Session session = invitation.session();
        List<SubmittedAnswer> answers = session.questions().stream().map(question -> {
            Answer answer = session.answers().get(question.questionId());
            return answer == null
                    ? new SubmittedAnswer(question.questionId(), question.version(), List.of(), null,
                    question.title())
                    : new SubmittedAnswer(question.questionId(), question.version(), answer.selectedOptionIds(),
                    answer.text(), question.title());
        }).toList();
        return new AssessmentSubmitted(session.id(), invitation.id(), invitation.testId(), invitation.testTitle(),
                invitation.candidate(), invitation.recruiterEmail(), invitation.passMarkPercent(), reason,
                session.startedAt(), submittedAt, answers, session.testVersion(), session.drawnFromPools(),
                invitation.externalReference(),
                Math.max(0, Duration.between(session.startedAt(), submittedAt).toSeconds()),
                integrityCounts(invitation.integrity()));
    }

    /** Counts only: what was pasted or copied is never recorded, let alone sent. */
    private static IntegrityCounts integrityCounts(Integrity integrity) {
        if (integrity == null) {
            return IntegrityCounts.NONE;
        }
        Map<String, Integer> counts = integrity.counts();
        return new IntegrityCounts(counts.getOrDefault(SignalType.FOCUS_LOST.name(), 0),
                counts.getOrDefault(SignalType.HIDDEN.name(), 0), counts.getOrDefault(SignalType.PASTE.name(), 0),
                counts.getOrDefault(SignalType.COPY.name(), 0));
    }
}
