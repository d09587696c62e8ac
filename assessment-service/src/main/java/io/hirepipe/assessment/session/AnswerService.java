package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.Answer;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.QuestionSnapshot;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Optional;

/** Autosaves: idempotent, ordered by the client's sequence, refused once the session closed. */
@Service
class AnswerService {

    private final CandidateSessions sessions;
    private final SessionStore store;
    private final SessionCache cache;
    private final SessionProperties properties;
    private final SessionClock clock;

    AnswerService(CandidateSessions sessions, SessionStore store, SessionCache cache, SessionProperties properties,
                  SessionClock clock) {
        this.sessions = sessions;
        this.store = store;
        this.cache = cache;
        this.properties = properties;
        this.clock = clock;
    }

    AnswerView save(Caller caller, String questionId, SaveAnswerRequest request) {
        Invitation invitation = sessions.started(caller);
        QuestionSnapshot question = invitation.session().question(questionId)
                .orElseThrow(() -> ProblemException.notFound("Question", questionId));
        AnswerCheck.verify(question, request);
        Instant now = clock.now();
        refuseIfClosed(invitation, now);

        Answer answer = new Answer(request.selectedOrEmpty(),
                question.kind() == QuestionKind.FREE_TEXT ? textOf(request) : null, request.sequence(), now);
        Optional<Invitation> saved = store.saveAnswer(caller.tenantId(), invitation.id(), questionId, answer,
                now.minus(properties.grace()));
        if (saved.isPresent()) {
            cache.refresh(saved.get());
            return AnswerView.of(questionId, answer, true, saved.get().session().deadline());
        }
        // Not stored: the session closed meanwhile, or a save with this or a later sequence is already there.
        Invitation latest = sessions.fromDatabase(caller);
        refuseIfClosed(latest, now);
        cache.refresh(latest);
        Answer stored = latest.session().answer(questionId).orElseThrow(() -> new IllegalStateException(
                "Save of " + questionId + " matched nothing although the session is open and holds no answer"));
        return AnswerView.of(questionId, stored, false, latest.session().deadline());
    }

    /** A save after the deadline and its grace is late whatever closed the session; the recruiter sees the count. */
    private void refuseIfClosed(Invitation invitation, Instant now) {
        boolean late = now.isAfter(invitation.session().deadline().plus(properties.grace()));
        if (late) {
            store.countLateSave(invitation.tenantId(), invitation.id());
        }
        if (invitation.status() != InvitationStatus.STARTED) {
            throw ProblemException.conflict("session-submitted", "The assessment was already submitted.");
        }
        if (late) {
            throw ProblemException.conflict("session-closed", "The time for this assessment is over.")
                    .with("deadline", invitation.session().deadline());
        }
    }

    private static String textOf(SaveAnswerRequest request) {
        return request.text() == null ? "" : request.text();
    }
}
