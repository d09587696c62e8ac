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

    static final int SESSION_TEXT_BUDGET = 500_000;
    /** Saves racing on one session each win in turn; past this many lost races the conditional write decides. */
    static final int REVISION_ATTEMPTS = 3;

    AnswerView save(Caller caller, String questionId, SaveAnswerRequest request) {
        Invitation invitation = sessions.started(caller);
        QuestionSnapshot question = invitation.session().question(questionId)
                .orElseThrow(() -> ProblemException.notFound("Question", questionId));
        AnswerCheck.verify(question, request);
        Instant now = clock.now();
        Answer answer = new Answer(request.selectedOrEmpty(),
                question.kind() == QuestionKind.FREE_TEXT ? textOf(request) : null, request.sequence(), now);

        // The usual case: decide on the copy just read (Redis, or MongoDB), then store only if the session is
        // still at that revision. That write is one lookup by id, tenant and revision; the conditional write
        // below has to examine the session's state in the database, which the embedded MongoDB of the local
        // stack can only do by scanning the whole collection.
        for (int attempt = 0; attempt < REVISION_ATTEMPTS && takes(invitation, questionId, answer, now); attempt++) {
            refuseIfOverBudget(invitation, questionId, request);
            Optional<Invitation> saved = store.saveAnswerAt(caller.tenantId(), invitation.id(), invitation.revision(),
                    questionId, answer);
            if (saved.isPresent()) {
                cache.refresh(saved.get());
                return AnswerView.of(questionId, answer, true, saved.get().session().deadline());
            }
            // changed since read (another save, an older cached copy, a close): decide again on the record
            invitation = sessions.fromDatabase(caller);
        }

        refuseIfOverBudget(invitation, questionId, request);
        refuseIfClosed(invitation, now);
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

    /**
     * Whether {@code invitation}, as read, takes the answer: the same rule as {@link SessionStore#saveAnswer}'s
     * condition (active, not past its deadline and grace, no save with this or a later sequence stored).
     */
    private boolean takes(Invitation invitation, String questionId, Answer answer, Instant now) {
        return invitation.status() == InvitationStatus.STARTED
                && !now.isAfter(invitation.session().deadline().plus(properties.grace()))
                && invitation.session().answer(questionId).map(stored -> stored.sequence() < answer.sequence())
                .orElse(true);
    }

    /**
     * All of a session's answers travel in one AssessmentSubmitted record, which must fit the record size the
     * topics allow (4 MiB, see hirepipe-service-defaults.yml). Even text that JSON escapes to 6 bytes a character
     * fits when a session holds at most {@value #SESSION_TEXT_BUDGET} characters, so a save that would pass that
     * is refused now, while the candidate can still shorten it, instead of failing at submit. (Two saves racing
     * on different questions can pass it by one answer at most; the margin absorbs that.)
     */
    private static void refuseIfOverBudget(Invitation invitation, String questionId, SaveAnswerRequest request) {
        long others = invitation.session().answers().entrySet().stream()
                .filter(e -> !e.getKey().equals(questionId))
                .mapToLong(e -> e.getValue().text() == null ? 0 : e.getValue().text().length())
                .sum();
        long total = others + textOf(request).length();
        if (total > SESSION_TEXT_BUDGET) {
            throw ProblemException.unprocessable("session-text-budget", "Together the answers of this assessment may "
                    + "hold at most " + SESSION_TEXT_BUDGET + " characters; this one would bring them to " + total
                    + ". Shorten this or another answer.")
                    .with("field", "text")
                    .with("budget", SESSION_TEXT_BUDGET)
                    .with("total", total);
        }
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
