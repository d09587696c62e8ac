package io.hirepipe.question.starter;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.defaults.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installs the starter bank (questions and three tests) into the caller's tenant; safe to call again, and
 * safe to call twice at once: the second call waits for the first and answers with the same report.
 */
@Tag(name = "Questions")
@RestController
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
class StarterBankController {

    static final String STATUS_PATH = "/api/questions/starter-bank/install";
    /** RFC 7240's {@code wait} preference, in seconds, among the others of a Prefer header. */
    private static final Pattern PREFER_WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?(\\d{1,6})\"?");

    private final StarterBankInstaller installer;

    StarterBankController(StarterBankInstaller installer) {
        this.installer = installer;
    }

    /**
     * 200 with the install's report, or 202 with the status link (Location, Retry-After) when the install (this
     * request's or another of this organisation's) was still running after the wait: a client may shorten the wait
     * with {@code Prefer: wait=<seconds>}; it never exceeds the configured maximum (8 s, below the gateway's time
     * limit).
     */
    @Operation(summary = "Install the starter question bank")
    @ApiResponse(responseCode = "200", description = "Installed (or already there): what was added",
            content = @Content(schema = @Schema(implementation = StarterBankInstaller.InstallReport.class)))
    @ApiResponse(responseCode = "202", description = "Still installing: poll the Location for the outcome",
            content = @Content(schema = @Schema(implementation = StarterBankInstaller.InstallStatus.class)))
    @PostMapping("/api/questions/starter-bank")
    ResponseEntity<Object> install(Caller caller, @RequestHeader(value = "Prefer", required = false) String prefer) {
        StarterBankInstaller.Outcome outcome = installer.install(caller, preferredWait(prefer));
        if (!outcome.stillRunning()) {
            return ResponseEntity.ok(outcome.report());
        }
        // Relative, so it stays right behind the gateway, which proxies the same paths.
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(STATUS_PATH))
                .header("Retry-After", "5").body(installer.status(caller));
    }

    /** Whether the starter bank is being installed, or was, with the last install's report. */
    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
    @Operation(summary = "See how installing the starter bank went")
    @GetMapping(STATUS_PATH)
    StarterBankInstaller.InstallStatus status(Caller caller) {
        return installer.status(caller);
    }

    /** Unknown or malformed preferences are ignored, as RFC 7240 asks. */
    static Duration preferredWait(String prefer) {
        if (prefer == null) {
            return null;
        }
        Matcher wait = PREFER_WAIT.matcher(prefer.toLowerCase(java.util.Locale.ROOT));
        return wait.find() ? Duration.ofSeconds(Long.parseLong(wait.group(1))) : null;
    }
}
