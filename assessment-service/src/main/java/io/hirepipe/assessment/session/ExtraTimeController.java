package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.InvitationView;
import io.hirepipe.defaults.security.Caller;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
class ExtraTimeController {

    private final ExtraTimeService extraTime;

    ExtraTimeController(ExtraTimeService extraTime) {
        this.extraTime = extraTime;
    }

    @PutMapping("/api/invitations/{id}/extra-time")
    InvitationView set(@PathVariable String id, @Valid @RequestBody ExtraTimeRequest request, Caller caller) {
        return extraTime.set(caller, id, request.extraTimeMinutes());
    }
}
