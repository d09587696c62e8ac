package io.hirepipe.assessment.partner.greenhouse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.assessment.partner.greenhouse.GreenhouseViews.PartnerTest;
import io.hirepipe.assessment.partner.greenhouse.GreenhouseViews.SentTest;
import io.hirepipe.assessment.partner.greenhouse.GreenhouseViews.Settings;
import io.hirepipe.assessment.partner.greenhouse.GreenhouseViews.TestStatus;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Greenhouse's Assessment API, partner side ({@code list_tests}, {@code send_test},
 * {@code test_status}, {@code response_error}), under the names and shapes Greenhouse calls. Greenhouse authenticates with
 * HTTP Basic, an API key as the user name; the gateway turns that into a platform caller and lets
 * through only keys with the {@code integrations:greenhouse} scope.
 */
@Tag(name = "Greenhouse")
@RestController
@RequestMapping("/api/integrations/greenhouse")
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
@Validated
class GreenhouseController {

    private final GreenhouseAdapter adapter;

    GreenhouseController(GreenhouseAdapter adapter) {
        this.adapter = adapter;
    }

    /** A JSON array, as Greenhouse expects, not the usual {@code {"items": [...]}}. */
    @Operation(summary = "List the tests Greenhouse can send")
    @GetMapping("/list_tests")
    List<PartnerTest> listTests(Caller caller) {
        return adapter.listTests(caller);
    }

    @Refusal(status = 409, type = "already-invited", title = "Already invited",
            detail = "This candidate already has an active invitation to this test: 'inv_Wcj2Ks8Lq4Rt6Yb'. A "
                    + "new one can be made once it is revoked, expired or submitted.")
    @Refusal(status = 422, type = "greenhouse-not-configured",
            detail = "Greenhouse is not set up for this tenant: a recruiter must first name who receives the "
                    + "reports (PUT /api/v1/integrations/greenhouse/settings).")
    @Refusal(status = 422, type = "test-not-offered",
            detail = "Test 't_8ZpQ3vN6cJw1TfHs' is retired; candidates can only be invited to a published "
                    + "test.")
    @Operation(summary = "Send a test to a Greenhouse candidate")
    @PostMapping("/send_test")
    SentTest sendTest(@RequestBody SendTestRequest request, Caller caller) {
        return new SentTest(adapter.sendTest(caller, request));
    }

    @Operation(summary = "Get a Greenhouse candidate's test status")
    @GetMapping("/test_status")
    TestStatus testStatus(@RequestParam("partner_interview_id") @Size(min = 1, max = 100) String partnerInterviewId,
                          Caller caller) {
        return adapter.testStatus(caller, partnerInterviewId.strip());
    }

    /** Greenhouse could not use one of our answers: recorded for operators, answered 200 as it expects. */
    @Operation(summary = "Receive an error report from Greenhouse")
    @PostMapping("/response_error")
    ResponseEntity<Void> responseError(@Valid @RequestBody ResponseErrorReport report, Caller caller) {
        adapter.responseError(caller, report);
        return ResponseEntity.ok().build();
    }

    /** Set-up is an administrator's decision, never a key's. */
    @Operation(summary = "Get the Greenhouse settings")
    @GetMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    Settings settings(Caller caller) {
        return adapter.settings(caller);
    }

    @Operation(summary = "Change the Greenhouse settings")
    @PutMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    Settings saveSettings(@Valid @RequestBody GreenhouseSettingsRequest request, Caller caller) {
        return adapter.saveSettings(caller, request);
    }
}
