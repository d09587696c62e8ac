package io.hirepipe.assessment.access;

import io.hirepipe.assessment.invitation.AccessToken;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.InvitationStore;
import io.hirepipe.assessment.session.SessionProperties;
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
    private final SessionProperties sessions;
    private final Clock clock;

    RedeemService(InvitationStore store, SessionProperties sessions, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.clock = clock;
    }

    Redemption redeem(Caller caller, String token) {
        requireGateway(caller);
        String tenant = ANY_TENANT.equals(caller.tenantId()) ? null : caller.tenantId();
        // Never echo the token: it is the candidate's secret.
        Invitation invitation = store.findByTokenHash(AccessToken.hashOf(token), tenant)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                        "unknown-token", "Invitation not found", "No invitation has this token."));
        return usable(invitation);
    }

    /** A fresh look at the invitation a candidate token names: still usable, and until when. */
    Redemption renew(Caller caller, String invitationId) {
        requireGateway(caller);
        if (ANY_TENANT.equals(caller.tenantId())) {
            throw ProblemException.badRequest("tenant-required", "Renewing names the candidate's tenant.");
        }
        Invitation invitation = store.find(caller.tenantId(), invitationId)
                .orElseThrow(() -> ProblemException.notFound("Invitation", invitationId));
        return usable(invitation);
    }

    /**
     * The page tells the candidate which case it is and whom to ask, so the problem names the status
     * and the recruiter's address (the candidate received mail about this invitation anyway).
     */
    private Redemption usable(Invitation invitation) {
        Instant now = clock.instant();
        InvitationStatus status = invitation.statusAt(now);
        if (!USABLE.contains(status)) {
            throw ProblemException.gone("invitation-unavailable", switch (status) {
                case REVOKED -> "This invitation was withdrawn.";
                case EXPIRED -> "This invitation expired before it was started.";
                default -> "This assessment was already submitted.";
            }).with("invitationStatus", status).with("contactEmail", invitation.recruiterEmail());
        }
        Instant accessUntil = invitation.started()
                ? invitation.session().deadline().plus(sessions.grace())
                : invitation.expiresAt();
        return new Redemption(invitation.tenantId(), invitation.id(), status, invitation.expiresAt(), accessUntil);
    }

    private static void requireGateway(Caller caller) {
        if (!GATEWAY.equals(caller.subject())) {
            throw ProblemException.forbidden("Only the gateway redeems invitation tokens.");
        }
    }
}
