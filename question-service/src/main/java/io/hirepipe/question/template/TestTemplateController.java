package io.hirepipe.question.template;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Items;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Tests of the caller's tenant. Recruiters and platform clients manage them; assessment-service
 * (a SERVICE caller) reads a test when inviting and its delivery when a session starts.
 */
@RestController
@RequestMapping("/api/tests")
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
class TestTemplateController {

    private final TestTemplateService tests;

    TestTemplateController(TestTemplateService tests) {
        this.tests = tests;
    }

    @PostMapping
    ResponseEntity<TestTemplateView> create(Caller caller, @Valid @RequestBody TestTemplateRequest request) {
        TestTemplateView created = tests.create(caller, request);
        return ResponseEntity.created(URI.create("/api/tests/" + created.id())).body(created);
    }

    /** assessment-service lists them for an ATS partner (Greenhouse's list_tests). */
    @GetMapping
    @PreAuthorize("hasAnyRole('RECRUITER','PLATFORM','SERVICE')")
    Items<TestTemplateView> list(Caller caller, @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return Items.of(tests.list(caller, limit));
    }

    /** assessment-service reads title, duration and pass mark here when it creates an invitation. */
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('RECRUITER','PLATFORM','SERVICE')")
    TestTemplateView get(Caller caller, @PathVariable String id) {
        return tests.get(caller, id);
    }

    @GetMapping("/{id}/delivery")
    @PreAuthorize("hasRole('SERVICE')")
    TestDelivery delivery(Caller caller, @PathVariable String id) {
        return tests.delivery(caller, id);
    }
}
