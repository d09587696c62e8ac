package io.hirepipe.assessment.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.assessment.invitation.InvitationView;
import io.hirepipe.defaults.security.Caller;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Invitations")
@RestController
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
class ExtraTimeController {

    private final ExtraTimeService extraTime;
    private final SessionReopening reopening;

    ExtraTimeController(ExtraTimeService extraTime, SessionReopening reopening) {
        this.extraTime = extraTime;
        this.reopening = reopening;
    }

    @Operation(summary = "Give a candidate extra time")
    @PutMapping("/api/invitations/{id}/extra-time")
    InvitationView set(@PathVariable String id, @Valid @RequestBody ExtraTimeRequest request, Caller caller) {
        return extraTime.set(caller, id, request.extraTimeMinutes());
    }

    /** Reopens a submitted session after a technical problem: minutes from now, and why. */
    @Operation(summary = "Reopen a submitted assessment")
    @PostMapping("/api/invitations/{id}/reopen")
    InvitationView reopen(@PathVariable String id, @Valid @RequestBody ReopenRequest request, Caller caller) {
        return reopening.reopen(caller, id, request.extraMinutes(), request.reason().strip());
    }
}
