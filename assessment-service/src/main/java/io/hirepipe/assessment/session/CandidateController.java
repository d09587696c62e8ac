package io.hirepipe.assessment.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.defaults.security.Caller;
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

    @Operation(summary = "Save an answer (autosave)")
    @PutMapping("/answers/{questionId}")
    AnswerView save(@PathVariable String questionId, @Valid @RequestBody SaveAnswerRequest request, Caller caller) {
        return metrics.timeAutosave(() -> answers.save(caller, questionId, request));
    }

    @Operation(summary = "Report an integrity signal")
    @PostMapping("/signals")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void signal(@Valid @RequestBody SignalRequest request, Caller caller) {
        signals.record(caller, request);
    }

    @Operation(summary = "Report integrity signals in a batch")
    @PostMapping("/signals/batch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void signals(@Valid @RequestBody SignalBatchRequest request, Caller caller) {
        signals.record(caller, request.signals());
    }

    @Operation(summary = "Submit the assessment")
    @PostMapping("/submit")
    SubmissionView submit(Caller caller) {
        return submissions.submit(caller);
    }
}
