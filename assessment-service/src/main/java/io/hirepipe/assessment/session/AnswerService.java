package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.Answer;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.QuestionSnapshot;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    AnswerView save(Caller caller, String questionId, SaveAnswerRequest request) {
        Invitation invitation = sessions.started(caller);
        QuestionSnapshot question = invitation.session().question(questionId)
                .orElseThrow(() -> ProblemException.notFound("Question", questionId));
        AnswerCheck.verify(question, request);
        Instant now = clock.now();
        // MongoDB keeps milliseconds: the answer as stored, so the copy derived from it below matches the record
        Answer answer = new Answer(request.selectedOrEmpty(),
                question.kind() == QuestionKind.FREE_TEXT ? textOf(request) : null, request.sequence(),
                now.truncatedTo(ChronoUnit.MILLIS));

        // The usual case: decide on the copy just read (Redis, or MongoDB) and store only if the session is still at
        // that revision, a plain update whose result is known here (no read back). If the session moved on meanwhile
        // (a racing save on another question, an older cached copy, a close), the conditional write below decides on
        // the record itself: reading it first and trying again by revision cost a read per lost race, and under load
        // saves of one session race often.
        refuseIfOverBudget(invitation, questionId, request);
        if (takes(invitation, questionId, answer, now)) {
            if (store.saveAnswerAt(caller.tenantId(), invitation.id(), invitation.revision(), questionId, answer)) {
                Invitation saved = invitation.withAnswer(questionId, answer);
                cache.refresh(saved);
                return AnswerView.of(questionId, answer, true, saved.session().deadline());
            }
        } else if (closedOrLate(invitation, now)) {
            // Refused on the record's word, never on the copy's alone: a copy from before a write Redis missed (extra
            // time, a reopen) would refuse saves the session takes. Only a save the copy refuses pays this read.
            refuseIfClosed(sessions.fromDatabase(caller), now);
        }

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

    private boolean closedOrLate(Invitation invitation, Instant now) {
        return invitation.status() != InvitationStatus.STARTED
                || now.isAfter(invitation.session().deadline().plus(properties.grace()));
    }

    /**
     * A save after the deadline and its grace is late whatever closed the session; the recruiter sees the count. The
     * candidate hears why: the time is over (also once the expiry sweep has closed the session, which it may have done
     * a moment before or after this save), or they submitted it themselves.
     */
    private void refuseIfClosed(Invitation invitation, Instant now) {
        boolean late = now.isAfter(invitation.session().deadline().plus(properties.grace()));
        if (late) {
            store.countLateSave(invitation.tenantId(), invitation.id());
        }
        boolean closedByTheClock = invitation.session().submitReason() == SubmitReason.TIMEOUT;
        if (invitation.status() != InvitationStatus.STARTED && !closedByTheClock) {
            throw ProblemException.conflict("session-submitted", "The assessment was already submitted.");
        }
        if (late || closedByTheClock) {
            throw ProblemException.conflict("session-closed", "The time for this assessment is over.")
                    .with("deadline", invitation.session().deadline());
        }
    }

    private static String textOf(SaveAnswerRequest request) {
        return request.text() == null ? "" : request.text();
    }
}
