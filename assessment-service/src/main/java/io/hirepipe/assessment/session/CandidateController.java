package io.hirepipe.assessment.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Refusal;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The candidate's API: only the invitation named in the candidate's token exists here. */
@Tag(name = "Candidate session")
@RestController
@RequestMapping("/api/candidate/assessment")
@PreAuthorize("hasRole('CANDIDATE')")
class CandidateController {

    private final CandidateSessions sessions;
    private final AnswerService answers;
    private final SignalService signals;
    private final SubmissionService submissions;
    private final SessionMetrics metrics;

    CandidateController(CandidateSessions sessions, AnswerService answers, SignalService signals,
                        SubmissionService submissions, SessionMetrics metrics) {
        this.sessions = sessions;
        this.answers = answers;
        this.signals = signals;
        this.submissions = submissions;
        this.metrics = metrics;
    }

    @Operation(summary = "Get the candidate's assessment (before starting)")
    @GetMapping
    CandidateAssessmentView assessment(Caller caller) {
        return sessions.assessment(caller);
    }

    @Refusal(status = 409, type = "test-cannot-start",
            detail = "This assessment cannot start right now: its questions can no longer be drawn from the "
                    + "question bank, which changed since the test was published. Your invitation stays valid; "
                    + "the recruiter who invited you has to fix the test.")
    @Refusal(status = 409, type = "invitation-changed",
            detail = "The invitation changed meanwhile; try again.")
    @Refusal(status = 422, type = "unknown-test",
            detail = "Test 't_8ZpQ3vN6cJw1TfHs' does not exist.")
    @Refusal(status = 422, type = "empty-test",
            detail = "Test 't_8ZpQ3vN6cJw1TfHs' has no questions to deliver.")
    @Refusal(status = 410, type = "invitation-revoked",
            detail = "This invitation was withdrawn.")
    @Refusal(status = 410, type = "invitation-expired",
            detail = "This invitation expired before it was started.")
    @Operation(summary = "Start the assessment")
    @PostMapping("/start")
    SessionView start(Caller caller) {
        return metrics.timeStart(() -> sessions.start(caller));
    }

    @Operation(summary = "Get the running session with saved answers")
    @GetMapping("/session")
    SessionView session(Caller caller) {
        return sessions.session(caller);
    }

    @Refusal(status = 409, type = "session-not-started",
            detail = "The assessment has not been started yet.")
    @Refusal(status = 409, type = "session-submitted",
            detail = "The assessment was already submitted.")
    @Refusal(status = 409, type = "session-closed",
            detail = "The time for this assessment is over.")
    @Refusal(status = 422, type = "session-text-budget",
            detail = "Together the answers of this assessment may hold at most 500000 characters; this one "
                    + "would bring them to 500480. Shorten this or another answer.")
    @Operation(summary = "Save an answer (autosave)")
    @PutMapping("/answers/{questionId}")
    AnswerView save(@PathVariable String questionId, @Valid @RequestBody SaveAnswerRequest request, Caller caller) {
        return metrics.timeAutosave(() -> answers.save(caller, questionId, request));
    }

    @Refusal(status = 409, type = "session-not-started",
            detail = "The assessment has not been started yet.")
    @Refusal(status = 409, type = "session-submitted",
            detail = "The assessment is no longer active.")
    @Operation(summary = "Report an integrity signal")
    @PostMapping("/signals")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void signal(@Valid @RequestBody SignalRequest request, Caller caller) {
        signals.record(caller, request);
    }

    @Refusal(status = 409, type = "session-not-started",
            detail = "The assessment has not been started yet.")
    @Refusal(status = 409, type = "session-submitted",
            detail = "The assessment is no longer active.")
    @Operation(summary = "Report integrity signals in a batch")
    @PostMapping("/signals/batch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void signals(@Valid @RequestBody SignalBatchRequest request, Caller caller) {
        signals.record(caller, request.signals());
    }

    @Refusal(status = 409, type = "session-not-started",
            detail = "The assessment has not been started yet.")
    @Refusal(status = 409, type = "session-busy",
            detail = "Answers are still being saved; submit again.")
    @Operation(summary = "Submit the assessment")
    @PostMapping("/submit")
    SubmissionView submit(Caller caller) {
        return submissions.submit(caller);
    }
}
