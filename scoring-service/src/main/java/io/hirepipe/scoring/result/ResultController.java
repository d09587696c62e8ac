package io.hirepipe.scoring.result;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.defaults.audit.AuditEvents;
import io.hirepipe.defaults.audit.AuditOutbox;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.IfMatch;
import io.hirepipe.defaults.web.Page;
import io.hirepipe.defaults.web.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scored results of the caller's tenant, and the decisions people make about them. Results of other
 * tenants do not exist as far as a caller can tell. Candidates never read results.
 */
@Tag(name = "Results")
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
    private final ResultsExport export;
    private final ResultViews views;
    private final AuditOutbox audit;
    private final Clock clock;

    public ResultController(ResultStore results, ResultReview review, QuestionAgreement agreement,
                            ResultsExport export, ResultViews views, AuditOutbox audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
        this.results = results;
        this.views = views;
        this.review = review;
        this.agreement = agreement;
        this.export = export;
    }

    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
    @Operation(summary = "Get a candidate's result (with its ETag)")
    @GetMapping("/{sessionId}")
    public ResponseEntity<ResultView> get(@PathVariable String sessionId, Caller caller) {
        return tagged(results.find(caller.tenantId(), sessionId)
                .orElseThrow(() -> ProblemException.notFound("Result", sessionId)));
    }

    /**
     * The tenant's results, newest scored first, narrowed by the filters and paged by cursor. Each
     * line carries its percentile within the test, time taken and integrity counts.
     */
    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
    @Operation(summary = "List results")
    @GetMapping
    public Page<ResultSummaryView> list(
            @RequestParam(required = false) @Size(min = 1, max = 100) String invitationId,
            @RequestParam(required = false) String testId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String passed,
            @RequestParam(required = false) String submittedFrom,
            @RequestParam(required = false) String submittedTo,
            @RequestParam(required = false) String externalReference,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            Caller caller) {
        ResultQuery query = ResultFilters.parse(invitationId, testId, status, passed, submittedFrom, submittedTo,
                externalReference, Cursor.decode(cursor));
        PercentileRanks percentiles = new PercentileRanks(results, caller.tenantId());
        List<ScoringResult> rows = results.list(caller.tenantId(), query, limit + 1);
        return Page.of(rows, limit, last -> new Cursor(last.scoredAt(), last.sessionId()).encode())
                .map(result -> ResultSummaryView.of(result, percentiles.of(result)));
    }

    /** The same query as the list, every matching row, as CSV written while it is read. */
    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
    @Operation(summary = "Export results as CSV")
    @ApiResponse(responseCode = "200", description = "The results as CSV, one row per candidate",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping(value = "/export.csv")
    public void export(
            @RequestParam(required = false) @Size(min = 1, max = 100) String invitationId,
            @RequestParam(required = false) String testId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String passed,
            @RequestParam(required = false) String submittedFrom,
            @RequestParam(required = false) String submittedTo,
            @RequestParam(required = false) String externalReference,
            @Parameter(description = "Start with a UTF-8 byte order mark, so that Excel reads accented names right "
                    + "(the console's download asks for it)") @RequestParam(defaultValue = "false") boolean bom,
            Caller caller, HttpServletResponse response) throws IOException {
        ResultQuery query = ResultFilters.parse(invitationId, testId, status, passed, submittedFrom, submittedTo,
                externalReference, null);
        // Who took which candidates' results out of the system: recorded before the first row leaves.
        audit.record(AuditEvents.success(caller, "results.exported", "results", testId, exportFilters(query),
                clock.instant()));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"results.csv\"");
        if (bom) {
            response.getWriter().write('\uFEFF');
        }
        export.write(caller.tenantId(), query, response.getWriter());
    }

    /**
     * A person sets an item's points: the human value wins, the machine's is kept, the change is recorded. With
     * If-Match (the ETag of the result they read) it applies only if nobody changed the result meanwhile.
     */
    @Refusal(status = 409, type = "concurrent-change",
            detail = "The result of session ses_HJs3Qw8Zp1Xk5Td is being changed by someone else; try again.")
    @Refusal(status = 412, type = "precondition-failed",
            detail = "The result of session ses_HJs3Qw8Zp1Xk5Td changed since you read it (If-Match no longer "
                    + "matches); read it again and retry.")
    @Operation(summary = "Adjust the score of one answer (If-Match)")
    @PutMapping("/{sessionId}/items/{questionId}")
    public ResponseEntity<ResultView> adjust(@PathVariable String sessionId, @PathVariable String questionId,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody ItemAdjustmentRequest request, Caller caller) {
        return tagged(review.adjust(caller, sessionId, questionId, request.points(), request.reason().strip(),
                IfMatch.of(ifMatch)));
    }

    @Refusal(status = 409, type = "review-pending",
            detail = "2 item(s) still await review: set their points, or finalise with "
                    + "\"acceptMachineScores\": true to accept the machine's scores.")
    @Refusal(status = 409, type = "concurrent-change",
            detail = "The result of session ses_HJs3Qw8Zp1Xk5Td is being changed by someone else; try again.")
    @Refusal(status = 412, type = "precondition-failed",
            detail = "The result of session ses_HJs3Qw8Zp1Xk5Td changed since you read it (If-Match no longer "
                    + "matches); read it again and retry.")
    @Operation(summary = "Finalize a result (If-Match)")
    @PostMapping("/{sessionId}/finalize")
    public ResponseEntity<ResultView> finalizeResult(@PathVariable String sessionId,
                                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
                                                     String ifMatch,
                                                     @RequestBody(required = false) FinalizeRequest request,
                                                     Caller caller) {
        return tagged(review.finalizeResult(caller, sessionId, request != null && request.accepting(),
                IfMatch.of(ifMatch)));
    }

    /** The result's view with its ETag, which If-Match on an adjustment or finalisation names. */
    private ResponseEntity<ResultView> tagged(ScoringResult result) {
        return ResponseEntity.ok().eTag(ResultReview.etag(result)).body(views.of(result));
    }

    /** How often people changed the machine's score of this question, and by how much. */
    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
    @Operation(summary = "Get how reviewers agree on a question")
    @GetMapping("/questions/{questionId}/agreement")
    public QuestionAgreement.AgreementView agreement(@PathVariable @Size(max = 100) String questionId,
                                                     Caller caller) {
        return agreement.of(caller.tenantId(), questionId);
    }

    private static Map<String, String> exportFilters(ResultQuery query) {
        Map<String, String> filters = new TreeMap<>();
        putIfSet(filters, "invitationId", query.invitationId());
        putIfSet(filters, "testId", query.testId());
        putIfSet(filters, "status", query.state());
        putIfSet(filters, "passed", query.passed());
        putIfSet(filters, "submittedFrom", query.submittedFrom());
        putIfSet(filters, "submittedTo", query.submittedTo());
        putIfSet(filters, "externalReference", query.externalReference());
        return filters;
    }

    private static void putIfSet(Map<String, String> map, String key, Object value) {
        if (value != null) {
            map.put(key, value.toString());
        }
    }
}
