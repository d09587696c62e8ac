package io.hirepipe.scoring.analysis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.defaults.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Item analysis of the caller's tenant: how questions and tests behave across candidates, so authors
 * can fix questions that are too easy, too hard or do not separate strong from weak candidates.
 * Aggregates only: no candidate is named.
 */
@Tag(name = "Item analysis")
@RestController
@RequestMapping("/api/analysis")
@PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
@Validated
public class ItemAnalysisController {

    static final int MAX_VERSION = 1_000_000;

    private final ItemAnalysisService analysis;

    public ItemAnalysisController(ItemAnalysisService analysis) {
        this.analysis = analysis;
    }

    @Operation(summary = "Analyse a test version's questions")
    @GetMapping("/tests/{testId}/versions/{version}")
    public TestAnalysis test(@PathVariable @Size(max = 100) String testId,
                             @PathVariable @Min(1) @Max(MAX_VERSION) int version, Caller caller) {
        return analysis.ofTest(caller.tenantId(), testId, version);
    }

    @Operation(summary = "Analyse one question version")
    @GetMapping("/questions/{questionId}/versions/{version}")
    public QuestionAnalysis question(@PathVariable @Size(max = 100) String questionId,
                                     @PathVariable @Min(1) @Max(MAX_VERSION) int version, Caller caller) {
        return analysis.ofQuestion(caller.tenantId(), questionId, version);
    }
}
