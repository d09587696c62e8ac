package io.hirepipe.assessment.access;

import io.hirepipe.assessment.invitation.AccessToken;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.InvitationStore;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/** Exchanges a candidate's link token for the invitation it opens, for the gateway only. */
@Service
class RedeemService {

    static final String GATEWAY = "gateway";
    /** The tenant claim of a gateway token issued before the gateway knows the tenant. */
    static final String ANY_TENANT = "_platform";

    private static final Set<InvitationStatus> USABLE = Set.of(InvitationStatus.INVITED, InvitationStatus.STARTED);

    private final InvitationStore store;
    private final Clock clock;

    RedeemService(InvitationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Redemption redeem(Caller caller, String token) {
        if (!GATEWAY.equals(caller.subject())) {
            throw ProblemException.forbidden("Only the gateway redeems invitation tokens.");
        }
        String tenant = ANY_TENANT.equals(caller.tenantId()) ? null : caller.tenantId();
        // Never echo the token: it is the candidate's secret.
        Invitation invitation = store.findByTokenHash(AccessToken.hashOf(token), tenant)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                        "unknown-token", "Invitation not found", "No invitation has this token."));
        Instant now = clock.instant();
        InvitationStatus status = invitation.statusAt(now);
        if (!USABLE.contains(status)) {
            throw ProblemException.gone("invitation-unavailable", switch (status) {
                case REVOKED -> "This invitation was withdrawn.";
                case EXPIRED -> "This invitation expired before it was started.";
                default -> "This assessment was already submitted.";
            }).with("invitationStatus", status);
        }
        return new Redemption(invitation.tenantId(), invitation.id(), status, invitation.expiresAt());
    }
}
