package io.hirepipe.assessment.invitation;

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

@RestController
@RequestMapping("/api/invitations")
@PreAuthorize("hasAnyRole('RECRUITER','PLATFORM')")
class InvitationController {

    private final InvitationService invitations;

    InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @PostMapping
    ResponseEntity<InvitationView> create(@Valid @RequestBody CreateInvitationRequest request, Caller caller) {
        InvitationView created = invitations.create(caller, request);
        return ResponseEntity.created(URI.create("/api/invitations/" + created.id())).body(created);
    }

    @GetMapping
    Items<InvitationView> list(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit, Caller caller) {
        return Items.of(invitations.list(caller, limit));
    }

    @GetMapping("/{id}")
    InvitationView get(@PathVariable String id, Caller caller) {
        return invitations.get(caller, id);
    }

    @PostMapping("/{id}/revoke")
    InvitationView revoke(@PathVariable String id, @Valid @RequestBody RevokeInvitationRequest request,
                          Caller caller) {
        return invitations.revoke(caller, id, request.reason());
    }
}
