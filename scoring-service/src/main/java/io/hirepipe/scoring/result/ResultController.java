package io.hirepipe.scoring.result;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Items;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Scored results of the caller's tenant. Results of other tenants do not exist as far as a caller can tell. */
@RestController
@RequestMapping("/api/results")
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
@Validated
public class ResultController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final ResultStore results;

    public ResultController(ResultStore results) {
        this.results = results;
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
}
