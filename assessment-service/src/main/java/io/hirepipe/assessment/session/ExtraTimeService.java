package io.hirepipe.assessment.session;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.defaults.audit.AuditEvents;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.InvitationStore;
import io.hirepipe.assessment.invitation.InvitationView;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A recruiter's accommodation: extra time for one candidate, before the session starts or while it
 * runs. A running session's deadline moves at once; the candidate's page learns it from its next
 * save or poll and renews its token.
 */
@Service
class ExtraTimeService {

    /** Saves racing the change are brief; a few re-reads settle them. */
    private static final int ATTEMPTS = 5;

    private final InvitationStore invitations;
    private final SessionStore store;
    private final SessionCache cache;
    private final SessionProperties properties;
    private final SessionClock clock;

    ExtraTimeService(InvitationStore invitations, SessionStore store, SessionCache cache, SessionProperties properties,
                     SessionClock clock) {
        this.invitations = invitations;
        this.store = store;
        this.cache = cache;
        this.properties = properties;
        this.clock = clock;
    }

    InvitationView set(Caller caller, String invitationId, int extraTimeMinutes) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Invitation current = invitations.find(caller.tenantId(), invitationId)
                    .orElseThrow(() -> ProblemException.notFound("Invitation", invitationId));
            Instant now = clock.now();
            EventEnvelope<AuditRecorded> audit = AuditEvents.success(caller, "session.extra-time", "invitation",
                    invitationId, Map.of("extraTimeMinutes", String.valueOf(extraTimeMinutes),
                            "previousExtraTimeMinutes", String.valueOf(current.extraTimeMinutes())), now);
            Optional<Invitation> changed = switch (current.statusAt(now)) {
                case INVITED -> store.setExtraTimeBeforeStart(caller.tenantId(), invitationId,
                        current.extraTimeMinutes(), extraTimeMinutes, now, audit);
                case STARTED -> moveDeadline(current, extraTimeMinutes, now, audit);
                case REVOKED -> throw refused("invitation-revoked", "Invitation '" + invitationId + "' was revoked.");
                case EXPIRED -> throw refused("invitation-expired",
                        "Invitation '" + invitationId + "' expired before the candidate started.");
                case SUBMITTED, SCORED -> throw refused("session-submitted",
                        "The candidate already submitted invitation '" + invitationId + "'.");
            };
            if (changed.isPresent()) {
                cache.refresh(changed.get());
                return InvitationView.of(changed.get(), now, null);
            }
        }
        throw ProblemException.conflict("invitation-changed", "The invitation is changing right now; try again.");
    }

    private Optional<Invitation> moveDeadline(Invitation current, int extraTimeMinutes, Instant now,
                                              EventEnvelope<AuditRecorded> audit) {
        if (now.isAfter(current.session().deadline().plus(properties.grace()))) {
            throw refused("session-closed", "The candidate's time is already over; extra time can no longer be given.");
        }
        // By the change in the whole amount, from the deadline the session runs to: the same as start + duration +
        // extra time for a session as started, and for a reopened one (now + the minutes granted then) the only
        // reading that neither takes the reopen's time away nor gives the old extra time twice.
        Instant deadline = current.session().deadline()
                .plus(Duration.ofMinutes((long) extraTimeMinutes - current.extraTimeMinutes()));
        if (!deadline.isAfter(now)) {
            throw ProblemException.unprocessable("deadline-in-past", "With " + extraTimeMinutes
                    + " minutes of extra time the deadline would already have passed; give at least the time "
                    + "already used beyond the test's duration.").with("deadline", deadline);
        }
        return store.moveDeadline(current.tenantId(), current.id(), current.revision(), extraTimeMinutes, deadline,
                audit);
    }

    private static ProblemException refused(String type, String detail) {
        return ProblemException.conflict(type, detail);
    }
}
