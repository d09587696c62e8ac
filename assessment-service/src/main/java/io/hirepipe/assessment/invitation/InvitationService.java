package io.hirepipe.assessment.invitation;

import io.hirepipe.assessment.questions.QuestionService;
import io.hirepipe.assessment.questions.TestSummary;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** What recruiters and platform clients do with invitations, always within the caller's tenant. */
@Service
public class InvitationService {

    private final InvitationStore store;
    private final QuestionService questions;
    private final AccessLinks links;
    private final LinkSealer sealer;
    private final Clock clock;

    InvitationService(InvitationStore store, QuestionService questions, AccessLinks links, LinkSealer sealer,
                      Clock clock) {
        this.store = store;
        this.questions = questions;
        this.links = links;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * Stores the invitation with the hash of a fresh token and, in the same insert, the
     * InvitationCreated event carrying the link sealed for notification-service (which emails it;
     * the plain accessUrl field stays empty). The returned view
     * is the only other place the link ever appears.
     */
    public InvitationView create(Caller caller, CreateInvitationRequest request) {
        String recruiterEmail = request.recruiterEmail() != null ? request.recruiterEmail() : caller.email();
        if (recruiterEmail == null || recruiterEmail.isBlank()) {
            throw ProblemException.badRequest("recruiter-email-required",
                    "recruiterEmail is required: this caller has no email to send the report to.");
        }
        TestSummary test = questions.test(caller.tenantId(), request.testId());

        Instant now = now();
        AccessToken token = AccessToken.generate();
        String accessUrl = links.linkFor(token);
        String id = Ids.invitation();
        Person candidate = new Person(request.candidate().name().strip(), request.candidate().email().strip());
        Instant expiresAt = now.plus(Duration.ofHours(request.expiresInHoursOrDefault()));

        EventEnvelope<InvitationCreated> created = EventEnvelope.of(new InvitationCreated(id, request.testId(),
                test.title(), candidate, recruiterEmail, null, test.durationMinutes(), expiresAt, sealer.seal(accessUrl)),
                caller.tenantId(), CorrelationId.currentOrNew(), now);
        Invitation invitation = new Invitation(id, caller.tenantId(), token.hash(), request.testId(), test.title(),
                test.durationMinutes(), test.passMarkPercent(), candidate, recruiterEmail,
                request.extraTimeMinutesOrDefault(), expiresAt, now, caller.subject(), InvitationStatus.INVITED, 0,
                null, null, null, null, Outbox.messages(created), blankToNull(test.description()), test.questionCount(), 0);
        store.insert(invitation);
        return InvitationView.of(invitation, now, accessUrl);
    }

    List<InvitationView> list(Caller caller, int limit) {
        Instant now = now();
        return store.list(caller.tenantId(), limit).stream()
                .map(invitation -> InvitationView.of(invitation, now, null))
                .toList();
    }

    InvitationView get(Caller caller, String invitationId) {
        return InvitationView.of(load(caller, invitationId), now(), null);
    }

    /** Revokes an invitation nobody started; revoking it again changes nothing and says so with 200. */
    InvitationView revoke(Caller caller, String invitationId, String reason) {
        Instant now = now();
        EventEnvelope<InvitationRevoked> revoked = EventEnvelope.of(new InvitationRevoked(invitationId, reason),
                caller.tenantId(), CorrelationId.currentOrNew(), now);
        Revocation revocation = new Revocation(reason, now, caller.subject());
        Optional<Invitation> updated = store.revokeIfNotStarted(caller.tenantId(), invitationId, revocation, revoked);
        if (updated.isPresent()) {
            return InvitationView.of(updated.get(), now, null);
        }
        Invitation current = load(caller, invitationId);
        if (current.status() != InvitationStatus.REVOKED) {
            throw ProblemException.conflict("invitation-started", "Invitation '" + invitationId
                    + "' was already started by the candidate and can no longer be revoked.")
                    .with("invitationStatus", current.statusAt(now));
        }
        return InvitationView.of(current, now, null);
    }

    private Invitation load(Caller caller, String invitationId) {
        return store.find(caller.tenantId(), invitationId)
                .orElseThrow(() -> ProblemException.notFound("Invitation", invitationId));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** MongoDB keeps milliseconds; deciding on the same precision keeps stored and computed times equal. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
