package io.hirepipe.assessment.session;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.assessment.invitation.InvitationView;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Refusal;
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

    @Refusal(status = 409, type = "invitation-revoked",
            detail = "Invitation 'inv_Wcj2Ks8Lq4Rt6Yb' was revoked.")
    @Refusal(status = 409, type = "invitation-expired",
            detail = "Invitation 'inv_Wcj2Ks8Lq4Rt6Yb' expired before the candidate started.")
    @Refusal(status = 409, type = "session-submitted",
            detail = "The candidate already submitted invitation 'inv_Wcj2Ks8Lq4Rt6Yb'.")
    @Refusal(status = 409, type = "session-closed",
            detail = "The candidate's time is already over; extra time can no longer be given.")
    @Refusal(status = 409, type = "invitation-changed",
            detail = "The invitation is changing right now; try again.")
    @Refusal(status = 422, type = "deadline-in-past",
            detail = "With 5 minutes of extra time the deadline would already have passed; give at least the "
                    + "time already used beyond the test's duration.")
    @Operation(summary = "Give a candidate extra time")
    @PutMapping("/api/invitations/{id}/extra-time")
    InvitationView set(@PathVariable String id, @Valid @RequestBody ExtraTimeRequest request, Caller caller) {
        return extraTime.set(caller, id, request.extraTimeMinutes());
    }

    /** Reopens a submitted session after a technical problem: minutes from now, and why. */
    @Refusal(status = 409, type = "session-not-closed",
            detail = "Invitation 'inv_Wcj2Ks8Lq4Rt6Yb' is STARTED; only a submitted session can be reopened (a "
                    + "running one can be given extra time).")
    @Refusal(status = 409, type = "result-reviewed",
            detail = "A person already finalised the result of invitation 'inv_Wcj2Ks8Lq4Rt6Yb'; a reviewed "
                    + "session cannot be reopened.")
    @Refusal(status = 409, type = "invitation-changed",
            detail = "The invitation is changing right now; try again.")
    @Refusal(status = 409, type = "candidate-erased",
            detail = "The candidate of invitation 'inv_Wcj2Ks8Lq4Rt6Yb' was erased; their invitation cannot be "
                    + "reopened. Invite them anew if they apply again.")
    @Operation(summary = "Reopen a submitted assessment")
    @PostMapping("/api/invitations/{id}/reopen")
    InvitationView reopen(@PathVariable String id, @Valid @RequestBody ReopenRequest request, Caller caller) {
        return reopening.reopen(caller, id, request.extraMinutes(), request.reason().strip());
    }
}
