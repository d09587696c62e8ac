package io.hirepipe.question.template;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Page;
import io.hirepipe.defaults.web.Refusal;
import io.hirepipe.defaults.web.IfMatch;
import io.hirepipe.question.bank.Tagged;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Tests of the caller's tenant. Recruiters and platform clients manage them; assessment-service
 * (a SERVICE caller) reads a test when inviting and its delivery when a session starts.
 */
@Tag(name = "Tests")
@RestController
@RequestMapping("/api/tests")
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
class TestTemplateController {

    private final TestTemplateService tests;

    TestTemplateController(TestTemplateService tests) {
        this.tests = tests;
    }

    /** Published at once (as before drafts existed) unless the body says {@code "draft": true}. */
    @Refusal(status = 422, type = "questions-not-usable",
            detail = "Every question of a test must exist and be published: never published "
                    + "[q_9Kd2Lp7Wx4Mz1Rt].")
    @Refusal(status = 422, type = "pool-cannot-be-filled",
            detail = "Section 'Databases': draw 3 from category 'databases', difficulty 2-4, but only 2 "
                    + "published questions match.")
    @Operation(summary = "Create a test (a draft)")
    @PostMapping
    @ApiResponse(responseCode = "201", description = "The test, created; Location names it", useReturnTypeSchema = true)
    ResponseEntity<TestTemplateView> create(Caller caller, @Valid @RequestBody TestTemplateRequest request) {
        TestTemplateView created = tests.create(caller, request);
        return ResponseEntity.created(URI.create("/api/tests/" + created.id())).body(created);
    }

    /** assessment-service lists them for an ATS partner (Greenhouse's list_tests). */
    @Operation(summary = "List and search tests")
    @GetMapping
    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM','SERVICE')")
    Page<TestTemplateView> list(Caller caller,
                                @RequestParam(required = false) TestStatus status,
                                @RequestParam(required = false) @Size(max = 200) String q,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                                @RequestParam(required = false) @Size(max = 512) String cursor) {
        return tests.search(caller, status, q, cursor, limit);
    }

    /** assessment-service reads title, duration and pass mark here when it creates an invitation. */
    @Operation(summary = "Get a test (with its ETag)")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM','SERVICE')")
    ResponseEntity<TestTemplateView> get(Caller caller, @PathVariable String id) {
        return tagged(tests.get(caller, id));
    }

    @Refusal(status = 409, type = "test-retired",
            detail = "Test 't_8ZpQ3vN6cJw1TfHs' is retired and can no longer be edited.")
    @Refusal(status = 409, type = "version-limit",
            detail = "Test 't_8ZpQ3vN6cJw1TfHs' has reached 50 versions; create a new test instead.")
    @Refusal(status = 422, type = "questions-not-usable",
            detail = "Every question of a test must exist and be published: retired [q_9Kd2Lp7Wx4Mz1Rt].")
    @RefusesStaleTestIfMatch
    @Operation(summary = "Replace a draft test (If-Match)")
    @PutMapping("/{id}")
    ResponseEntity<TestTemplateView> replace(Caller caller, @PathVariable String id,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody TestTemplateRequest request) {
        return tagged(tests.replace(caller, id, request, IfMatch.of(ifMatch)));
    }

    @Refusal(status = 409, type = "test-retired",
            detail = "Test 't_8ZpQ3vN6cJw1TfHs' is retired and can no longer be published.")
    @Refusal(status = 422, type = "pool-cannot-be-filled",
            detail = "Section 'Databases': draw 3 from category 'databases', difficulty 2-4, but only 2 "
                    + "published questions match.")
    @RefusesStaleTestIfMatch
    @Operation(summary = "Publish a test (If-Match)")
    @PostMapping("/{id}/publish")
    ResponseEntity<TestTemplateView> publish(Caller caller, @PathVariable String id,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(tests.publish(caller, id, IfMatch.of(ifMatch)));
    }

    @RefusesStaleTestIfMatch
    @Operation(summary = "Retire a test (If-Match)")
    @PostMapping("/{id}/retire")
    ResponseEntity<TestTemplateView> retire(Caller caller, @PathVariable String id,
                                            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return tagged(tests.retire(caller, id, IfMatch.of(ifMatch)));
    }

    @Refusal(status = 409, type = "test-published",
            detail = "Test 't_8ZpQ3vN6cJw1TfHs' has been published, so sessions may refer to it; retire it "
                    + "instead of deleting it.")
    @Refusal(status = 412, type = "precondition-failed",
            detail = "Test 't_8ZpQ3vN6cJw1TfHs' changed since you read it (If-Match no longer matches); read "
                    + "it again and retry.")
    @Operation(summary = "Delete a draft test (If-Match)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String id,
                @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        tests.delete(caller, id, IfMatch.of(ifMatch));
    }

    /**
     * What assessment-service announces when it invites someone to a test being edited: the version sessions start
     * from, not the draft (whose duration or title the candidate would otherwise be told).
     */
    @Refusal(status = 409, type = "test-not-published",
            detail = "Test 't_8ZpQ3vN6cJw1TfHs' has no published version yet.")
    @Operation(summary = "Get the version of a test sessions start from (services only)")
    @GetMapping("/{id}/published")
    @PreAuthorize("hasRole('SERVICE')")
    TestTemplateView published(Caller caller, @PathVariable String id) {
        return tests.published(caller, id);
    }

    /** The questions of one session: pools and shuffles are drawn from {@code sessionId}. */
    @Refusal(status = 409, type = "test-not-published",
            detail = "Test 't_8ZpQ3vN6cJw1TfHs' has no published version yet.")
    @Refusal(status = 409, type = "pool-cannot-be-filled",
            detail = "Section 'Databases' of test 't_8ZpQ3vN6cJw1TfHs' cannot be drawn now: draw 3 from "
                    + "category 'databases', difficulty 2-4, but only 2 published questions match.")
    @Operation(summary = "Get a test as delivered to a candidate (services only)")
    @GetMapping("/{id}/delivery")
    @PreAuthorize("hasRole('SERVICE')")
    TestDelivery delivery(Caller caller, @PathVariable String id,
                          @RequestParam(required = false) @Size(max = 100) String sessionId) {
        return tests.delivery(caller, id, sessionId);
    }

    private static ResponseEntity<TestTemplateView> tagged(Tagged<TestTemplateView> tagged) {
        return ResponseEntity.ok().eTag(tagged.etag()).body(tagged.value());
    }
}
