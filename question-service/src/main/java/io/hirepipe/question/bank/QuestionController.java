package io.hirepipe.question.bank;

import io.hirepipe.defaults.web.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Items;
import io.hirepipe.defaults.web.Page;
import io.hirepipe.defaults.web.Refusal;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** The question bank of the caller's tenant, for recruiters and platform clients (answer keys included). */
@Tag(name = "Questions")
@RestController
@RequestMapping("/api/questions")
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
class QuestionController {

    private final QuestionService questions;

    QuestionController(QuestionService questions) {
        this.questions = questions;
    }

    @Operation(summary = "Create a question (a draft)")
    @PostMapping
    @ApiResponse(responseCode = "201", description = "The question, created; Location names it", useReturnTypeSchema = true)
    ResponseEntity<QuestionView> create(Caller caller, @Valid @RequestBody QuestionRequest request) {
        QuestionView created = questions.create(caller, request);
        // Relative, so it stays right behind the gateway, which proxies the same paths.
        return ResponseEntity.created(URI.create("/api/questions/" + created.id())).body(created);
    }

    /**
     * Newest first, one page at a time. Every filter is optional; {@code q} matches questions whose title,
     * prompt or tags contain all its words (whole words, case and accents ignored).
     */
    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
    @Operation(summary = "List and search questions")
    @GetMapping
    Page<QuestionView> list(Caller caller,
                            @RequestParam(required = false) QuestionKind kind,
                            @RequestParam(required = false) QuestionStatus status,
                            @RequestParam(required = false) @Size(max = 50) String tag,
                            @RequestParam(required = false) @Size(max = 50) String category,
                            @RequestParam(required = false) Integer difficultyMin,
                            @RequestParam(required = false) Integer difficultyMax,
                            @RequestParam(required = false) @Size(max = 200) String q,
                            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                            @RequestParam(required = false) @Size(max = 512) String cursor) {
        requireDifficulty("difficultyMin", difficultyMin);
        requireDifficulty("difficultyMax", difficultyMax);
        if (difficultyMin != null && difficultyMax != null && difficultyMin > difficultyMax) {
            throw ProblemException.badRequest("invalid-parameter",
                    "Parameter 'difficultyMin' (" + difficultyMin + ") is above 'difficultyMax' (" + difficultyMax + ").")
                    .with("parameter", "difficultyMin");
        }
        List<String> terms = SearchTerms.ofQuery(q);
        if (terms.size() > SearchTerms.MAX_QUERY_TERMS) {
            throw ProblemException.badRequest("invalid-parameter", "Parameter 'q' has " + terms.size()
                    + " words; search with at most " + SearchTerms.MAX_QUERY_TERMS + ".").with("parameter", "q");
        }
        QuestionFilter filter = new QuestionFilter(kind, status, tag,
                category == null || category.isBlank() ? null : category.trim().toLowerCase(Locale.ROOT),
                difficultyMin, difficultyMax, terms);
        return questions.search(caller, filter, cursor, limit);
    }

    private static void requireDifficulty(String parameter, Integer value) {
        if (value != null && (value < 1 || value > 5)) {
            throw ProblemException.badRequest("invalid-parameter",
                    "Parameter '" + parameter + "' must be between 1 and 5, got " + value + ".")
                    .with("parameter", parameter);
        }
    }

    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
    @Operation(summary = "Get a question (with its ETag)")
    @GetMapping("/{id}")
    ResponseEntity<QuestionView> get(Caller caller, @PathVariable String id) {
        return tagged(questions.getTagged(caller, id));
    }

    /** The question's history: each published version as it was frozen (at most 50). */
    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
    @Operation(summary = "List a question's published versions")
    @GetMapping("/{id}/versions")
    Items<PublishedQuestionView> publishedVersions(Caller caller, @PathVariable String id) {
        return Items.of(questions.publishedVersions(caller, id));
    }

    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
    @Operation(summary = "Get one published version of a question")
    @GetMapping("/{id}/versions/{version}")
    PublishedQuestionView publishedVersion(Caller caller, @PathVariable String id, @PathVariable int version) {
        return questions.publishedVersion(caller, id, version);
    }

    @Refusal(status = 409, type = "question-retired",
            detail = "Question 'q_4RtY7uKs2Lm9NbVc' is retired and can no longer be edited.")
    @Refusal(status = 409, type = "version-limit",
            detail = "Question 'q_4RtY7uKs2Lm9NbVc' has reached 50 versions; create a new question instead.")
    @RefusesStaleIfMatch
    @Operation(summary = "Replace a draft question (If-Match)")
    @PutMapping("/{id}")
    ResponseEntity<QuestionView> replace(Caller caller, @PathVariable String id,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody QuestionRequest request) {
        return tagged(questions.replace(caller, id, request, IfMatch.of(ifMatch)));
    }

    @Refusal(status = 409, type = "question-retired",
            detail = "Question 'q_4RtY7uKs2Lm9NbVc' is retired and can no longer be published.")
    @Refusal(status = 422, type = "rubric-required",
            detail = "Question 'q_4RtY7uKs2Lm9NbVc': a free-text question needs a rubric with 1 to 20 key "
                    + "points before it is published.")
    @RefusesStaleIfMatch
    @Operation(summary = "Publish a question (If-Match)")
    @PostMapping("/{id}/publish")
    ResponseEntity<QuestionView> publish(Caller caller, @PathVariable String id,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(questions.publish(caller, id, IfMatch.of(ifMatch)));
    }

    @RefusesStaleIfMatch
    @Operation(summary = "Retire a question (If-Match)")
    @PostMapping("/{id}/retire")
    ResponseEntity<QuestionView> retire(Caller caller, @PathVariable String id,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(questions.retire(caller, id, IfMatch.of(ifMatch)));
    }

    private static ResponseEntity<QuestionView> tagged(Tagged<QuestionView> tagged) {
        return ResponseEntity.ok().eTag(tagged.etag()).body(tagged.value());
    }
}
