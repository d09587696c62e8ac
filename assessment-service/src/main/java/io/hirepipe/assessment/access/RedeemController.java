package io.hirepipe.assessment.access;

import io.hirepipe.defaults.security.Caller;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Internal: reachable only with a SERVICE token whose subject is the gateway. */
@RestController
class RedeemController {

    private final RedeemService redeemer;

    RedeemController(RedeemService redeemer) {
        this.redeemer = redeemer;
    }

    @PostMapping("/internal/invitations/redeem")
    @PreAuthorize("hasRole('SERVICE')")
    Redemption redeem(@Valid @RequestBody RedeemRequest request, Caller caller) {
        return redeemer.redeem(caller, request.token());
    }

    /** The gateway renews a candidate token (the deadline may have moved); the caller's tenant is the candidate's. */
    @PostMapping("/internal/invitations/renew")
    @PreAuthorize("hasRole('SERVICE')")
    Redemption renew(@Valid @RequestBody RenewRequest request, Caller caller) {
        return redeemer.renew(caller, request.invitationId());
    }
}
