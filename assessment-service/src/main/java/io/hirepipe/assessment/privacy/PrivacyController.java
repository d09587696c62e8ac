package io.hirepipe.assessment.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.Page;
import io.hirepipe.defaults.web.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** A tenant's privacy settings and candidate erasures: an administrator's business, never an API key's. */
@Tag(name = "Privacy")
@RestController
class PrivacyController {

    private final PrivacySettingsStore settings;
    private final CandidateErasures erasures;

    PrivacyController(PrivacySettingsStore settings, CandidateErasures erasures) {
        this.settings = settings;
        this.erasures = erasures;
    }

    @Operation(summary = "Get the tenant's privacy settings (retention)")
    @GetMapping("/api/settings/privacy")
    @PreAuthorize("hasRole('ADMIN')")
    PrivacySettingsView settings(Caller caller) {
        return PrivacySettingsView.of(settings.settings(caller.tenantId()));
    }

    @Refusal(status = 409, type = "settings-changed",
            detail = "The privacy settings were changed meanwhile; read them again.")
    @Operation(summary = "Change the tenant's privacy settings")
    @PutMapping("/api/settings/privacy")
    @PreAuthorize("hasRole('ADMIN')")
    PrivacySettingsView save(@Valid @RequestBody PrivacySettingsRequest request, Caller caller) {
        return PrivacySettingsView.of(settings.save(caller, request));
    }

    /** 202: the services erase asynchronously; the Location shows how far they got. */
    @Operation(summary = "Erase a candidate's personal data")
    @PostMapping("/api/privacy/erasures")
    @PreAuthorize("hasRole('ADMIN')")
    @ApiResponse(responseCode = "202", description = "Accepted: the erasure is under way; Location names it, to follow "
            + "its progress", useReturnTypeSchema = true)
    ResponseEntity<ErasureView> erase(@Valid @RequestBody ErasureRequest request, Caller caller) {
        ErasureView erasure = erasures.request(caller, request);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/privacy/erasures/" + erasure.erasureId())).body(erasure);
    }

    /** The tenant's erasure requests, newest first, cursor-paged like every list. */
    @Operation(summary = "List erasure requests")
    @GetMapping("/api/privacy/erasures")
    @PreAuthorize("hasRole('ADMIN')")
    Page<ErasureView> erasures(@RequestParam(required = false) String cursor,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit, Caller caller) {
        return erasures.list(caller, Cursor.decode(cursor), limit);
    }

    @Operation(summary = "Get an erasure request and its progress")
    @GetMapping("/api/privacy/erasures/{erasureId}")
    @PreAuthorize("hasRole('ADMIN')")
    ErasureView erasure(@PathVariable String erasureId, Caller caller) {
        return erasures.view(caller, erasureId);
    }
}
