package io.hirepipe.scoring.result;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Items;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Scored results of the caller's tenant, and the decisions people make about them. Results of other
 * tenants do not exist as far as a caller can tell. Candidates never read results.
 */
@RestController
@RequestMapping("/api/results")
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
@Validated
public class ResultController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final ResultStore results;
    private final ResultReview review;
    private final QuestionAgreement agreement;

    public ResultController(ResultStore results, ResultReview review, QuestionAgreement agreement) {
        this.results = results;
        this.review = review;
        this.agreement = agreement;
    }

    @GetMapping("/{sessionId}")
    public ResultView get(@PathVariable String sessionId, Caller caller) {
        return results.find(caller.tenantId(), sessionId)
                .map(ResultView::of)
                .orElseThrow(() -> ProblemException.notFound("Result", sessionId));
    }

    @GetMapping
    public Items<ResultSummaryView> list(
            @RequestParam(required = false) @Size(min = 1, max = 100) String invitationId,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            Caller caller) {
        return Items.of(results.list(caller.tenantId(), invitationId, limit).stream()
                .map(ResultSummaryView::of).toList());
    }

    /** A person sets an item's points: the human value wins, the machine's is kept, the change is recorded. */
    @PutMapping("/{sessionId}/items/{questionId}")
    public ResultView adjust(@PathVariable String sessionId, @PathVariable String questionId,
                             @Valid @RequestBody ItemAdjustmentRequest request, Caller caller) {
        return ResultView.of(review.adjust(caller, sessionId, questionId, request.points(), request.reason().strip()));
    }

    @PostMapping("/{sessionId}/finalize")
    public ResultView finalizeResult(@PathVariable String sessionId,
                                     @RequestBody(required = false) FinalizeRequest request, Caller caller) {
        return ResultView.of(review.finalizeResult(caller, sessionId, request != null && request.accepting()));
    }

    /** How often people changed the machine's score of this question, and by how much. */
    @GetMapping("/questions/{questionId}/agreement")
    public QuestionAgreement.AgreementView agreement(@PathVariable @Size(max = 100) String questionId,
                                                     Caller caller) {
        return agreement.of(caller.tenantId(), questionId);
    }
}
