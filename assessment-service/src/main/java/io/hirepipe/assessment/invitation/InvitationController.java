package io.hirepipe.assessment.invitation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.assessment.idempotency.IdempotentRequests;
import io.hirepipe.assessment.idempotency.RefusesReusedIdempotencyKeys;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.Page;
import io.hirepipe.defaults.web.Refusal;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

@Tag(name = "Invitations")
@RestController
@RequestMapping("/api/invitations")
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
class InvitationController {

    private static final int MAX_FILTER_LENGTH = 200;

    private final InvitationService invitations;
    private final BulkInvitations bulk;
    private final IdempotentRequests idempotent;

    InvitationController(InvitationService invitations, BulkInvitations bulk, IdempotentRequests idempotent) {
        this.invitations = invitations;
        this.bulk = bulk;
        this.idempotent = idempotent;
    }

    @Refusal(status = 409, type = "already-invited", title = "Already invited",
            detail = "This candidate already has an active invitation to this test: 'inv_Wcj2Ks8Lq4Rt6Yb'. A "
                    + "new one can be made once it is revoked, expired or submitted.")
    @Refusal(status = 422, type = "unknown-test",
            detail = "Test 't_8ZpQ3vN6cJw1TfHs' does not exist.")
    @Refusal(status = 422, type = "test-not-offered",
            detail = "Test 't_8ZpQ3vN6cJw1TfHs' is a draft that was never published; candidates can only be "
                    + "invited to a published test.")
    @RefusesReusedIdempotencyKeys
    @Operation(summary = "Invite a candidate to a test")
    @PostMapping
    @ApiResponse(responseCode = "201", description = "The invitation, created; Location names it", useReturnTypeSchema = true)
    ResponseEntity<InvitationView> create(@Valid @RequestBody CreateInvitationRequest request,
                             @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                             Caller caller) {
        return idempotent.run(caller, idempotencyKey, "POST", "/api/invitations", request, InvitationView.class, () -> {
            InvitationView created = invitations.create(caller, request);
            return ResponseEntity.created(URI.create("/api/invitations/" + created.id())).body(created);
        });
    }

    /** Each row succeeds or fails on its own; the answer is 200 with one outcome per row. */
    @RefusesReusedIdempotencyKeys
    @Operation(summary = "Invite many candidates at once")
    @PostMapping("/bulk")
    ResponseEntity<BulkInvitationResult> createMany(@Valid @RequestBody BulkInvitationRequest request,
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                                 Caller caller) {
        return idempotent.run(caller, idempotencyKey, "POST", "/api/invitations/bulk", request,
                BulkInvitationResult.class, () -> ResponseEntity.ok(bulk.create(caller, request)));
    }

    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
    @Operation(summary = "List invitations")
    @GetMapping
    Page<InvitationView> list(@RequestParam(required = false) String status,
                              @RequestParam(required = false) String testId,
                              @RequestParam(required = false) String createdFrom,
                              @RequestParam(required = false) String createdTo,
                              @RequestParam(required = false) String externalReference,
                              @RequestParam(required = false) String cursor,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit, Caller caller) {
        Instant from = instant("createdFrom", createdFrom);
        Instant to = instant("createdTo", createdTo);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badRequest("invalid-parameter", "Parameter 'createdFrom' must be before 'createdTo'.")
                    .with("parameter", "createdFrom");
        }
        return invitations.list(caller, new InvitationQuery(status(status), text("testId", testId), from, to,
                text("externalReference", externalReference), Cursor.decode(cursor), limit));
    }

    @PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
    @Operation(summary = "Get an invitation")
    @GetMapping("/{id}")
    InvitationView get(@PathVariable String id, Caller caller) {
        return invitations.get(caller, id);
    }

    @Refusal(status = 409, type = "invitation-started",
            detail = "Invitation 'inv_Wcj2Ks8Lq4Rt6Yb' was already started by the candidate and can no longer "
                    + "be revoked.")
    @Operation(summary = "Revoke an invitation")
    @PostMapping("/{id}/revoke")
    InvitationView revoke(@PathVariable String id, @Valid @RequestBody RevokeInvitationRequest request,
                          Caller caller) {
        return invitations.revoke(caller, id, request.reason());
    }

    @Refusal(status = 409, type = "invitation-ended",
            detail = "Invitation 'inv_Wcj2Ks8Lq4Rt6Yb' is STARTED; only an invitation nobody started yet can "
                    + "be extended.")
    @Refusal(status = 409, type = "already-invited", title = "Already invited",
            detail = "This candidate already has an active invitation to this test: 'inv_Q2m8Xk4Lp7Wd1Rt'. A "
                    + "new one can be made once it is revoked, expired or submitted.")
    @Refusal(status = 422, type = "expiry-in-past",
            detail = "expiresAt must be in the future.")
    @Refusal(status = 422, type = "expiry-too-far",
            detail = "expiresAt may be at most 720 hours from now.")
    @Refusal(status = 409, type = "candidate-erased",
            detail = "The candidate of invitation 'inv_Wcj2Ks8Lq4Rt6Yb' was erased; their invitation cannot be "
                    + "extended. Invite them anew if they apply again.")
    @Refusal(status = 409, type = "invitation-changed",
            detail = "The invitation is changing right now; try again.")
    @Operation(summary = "Extend an invitation's expiry")
    @PostMapping("/{id}/extend")
    InvitationView extend(@PathVariable String id, @Valid @RequestBody ExtendInvitationRequest request, Caller caller) {
        return invitations.extend(caller, id, request.expiresAt());
    }

    /** A new link for the candidate, emailed again; the old link stops working at once. */
    @Refusal(status = 409, type = "invitation-ended",
            detail = "Invitation 'inv_Wcj2Ks8Lq4Rt6Yb' is REVOKED; only an invitation that is open or running "
                    + "can be sent again.")
    @Operation(summary = "Send the invitation email again")
    @PostMapping("/{id}/resend")
    InvitationView resend(@PathVariable String id, Caller caller) {
        return invitations.resend(caller, id);
    }

    private static InvitationStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return InvitationStatus.valueOf(value.strip());
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.badRequest("invalid-parameter", "Parameter 'status' must be one of "
                    + Arrays.toString(InvitationStatus.values()) + ".").with("parameter", "status");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter", "Parameter '" + name
                    + "' must be an ISO-8601 instant such as 2026-12-01T00:00:00Z.").with("parameter", name);
        }
    }

    private static String text(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_FILTER_LENGTH) {
            throw ProblemException.badRequest("invalid-parameter", "Parameter '" + name + "' is longer than "
                    + MAX_FILTER_LENGTH + " characters.").with("parameter", name);
        }
        return value;
    }
}
