package io.hirepipe.assessment.invitation;

import io.hirepipe.assessment.questions.QuestionService;
import io.hirepipe.assessment.questions.TestSummary;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.contracts.events.InvitationResent;
import io.hirepipe.defaults.audit.AuditEvents;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.Page;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What recruiters and platform clients do with invitations, always within the caller's tenant.
 * {@link #create} is the one way an invitation comes to exist, whatever the entry point (the REST
 * API, bulk create, partner adapters).
 */
@Service
public class InvitationService {

    /** Longest time an invitation may stay open, from now: the same bound creating one has. */
    static final Duration LONGEST_EXPIRY = Duration.ofHours(720);
    /** An expired holder of the active key is freed and the insert retried; twice covers any race. */
    private static final int INSERT_ATTEMPTS = 3;
    /** Other changes racing an extend are brief; a few re-reads settle them. */
    private static final int EXTEND_ATTEMPTS = 5;
    static final String ALREADY_INVITED = "already-invited";
    static final URI ALREADY_INVITED_TYPE = URI.create(ProblemException.TYPE_BASE + ALREADY_INVITED);

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
        return create(caller, request, testId -> questions.test(caller.tenantId(), testId), null);
    }

    /**
     * As {@link #create(Caller, CreateInvitationRequest)}, for an ATS partner's send: the invitation is marked as
     * sent by {@code partner} in the same insert, so a result applied to it at any later moment knows the partner
     * is to be told, and with the partner's {@code partnerRequest} identity (see {@link PartnerLink}).
     */
    public InvitationView createForPartner(Caller caller, CreateInvitationRequest request, String partner,
                                           String partnerRequest) {
        return create(caller, request, testId -> questions.test(caller.tenantId(), testId),
                PartnerLink.sentBy(partner, partnerRequest));
    }

    /**
     * @param tests how to look the test up: bulk create looks each test up once for all its rows
     * @throws ProblemException 409 {@code already-invited} naming the active invitation of the same
     *                          candidate for the same test
     */
    InvitationView create(Caller caller, CreateInvitationRequest request, Function<String, TestSummary> tests) {
        return create(caller, request, tests, null);
    }

    private InvitationView create(Caller caller, CreateInvitationRequest request, Function<String, TestSummary> tests,
                                  PartnerLink partner) {
        String recruiterEmail = request.recruiterEmail() != null ? request.recruiterEmail() : caller.email();
        if (recruiterEmail == null || recruiterEmail.isBlank()) {
            throw ProblemException.badRequest("recruiter-email-required",
                    "recruiterEmail is required: this caller has no email to send the report to.")
                    .with("field", "recruiterEmail");
        }
        TestSummary test = testNamedBy(request.testId(), tests);

        Instant now = now();
        AccessToken token = AccessToken.generate();
        String accessUrl = links.linkFor(token);
        String id = Ids.invitation();
        Person candidate = new Person(request.candidate().name().strip(), request.candidate().email().strip());
        Instant expiresAt = now.plus(Duration.ofHours(request.expiresInHoursOrDefault()));

        EventEnvelope<InvitationCreated> created = EventEnvelope.of(new InvitationCreated(id, request.testId(),
                test.title(), candidate, recruiterEmail, null, test.durationMinutes(), expiresAt, sealer.seal(accessUrl),
                request.extraTimeMinutesOrDefault()), caller.tenantId(), CorrelationId.currentOrNew(), now);
        Invitation invitation = new Invitation(id, caller.tenantId(), token.hash(), request.testId(), test.title(),
                test.durationMinutes(), test.passMarkPercent(), candidate, recruiterEmail,
                request.extraTimeMinutesOrDefault(), expiresAt, now, caller.subject(), InvitationStatus.INVITED, 0,
                null, null, null, null, Outbox.messages(created), blankToNull(test.description()), test.questionCount(), 0,
                blankToNull(request.externalReference()),
                ActiveKey.of(caller.tenantId(), request.testId(), candidate.email()), partner);
        insertUnlessAlreadyInvited(invitation, now);
        return InvitationView.of(invitation, now, accessUrl);
    }

    /**
     * Inserts, letting the unique index on the active key decide between concurrent creates (a check
     * before the insert would let two racing requests both pass).
     */
    private void insertUnlessAlreadyInvited(Invitation invitation, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.insert(invitation);
                return;
            } catch (DuplicateKeyException duplicate) {
                Optional<Invitation> holder = store.activeHolder(invitation.activeKey());
                if (holder.isPresent() && holder.get().statusAt(now) != InvitationStatus.EXPIRED) {
                    throw alreadyInvited(holder.get().id());
                }
                if (attempt == INSERT_ATTEMPTS) {
                    throw duplicate;
                }
                holder.ifPresent(expired -> store.releaseIfExpired(expired.tenantId(), expired.id(), now));
            }
        }
    }

    static ProblemException alreadyInvited(String existingId) {
        return new ProblemException(HttpStatus.CONFLICT, ALREADY_INVITED, "Already invited",
                "This candidate already has an active invitation to this test: '" + existingId
                        + "'. A new one can be made once it is revoked, expired or submitted.")
                .with("invitationId", existingId);
    }

    /** A test the caller cannot use is the fault of the request's testId: the problem says so. */
    private static TestSummary testNamedBy(String testId, Function<String, TestSummary> tests) {
        try {
            return tests.apply(testId);
        } catch (ProblemException refused) {
            Map<String, Object> members = refused.getBody().getProperties();
            if (refused.getStatusCode().is4xxClientError() && (members == null || !members.containsKey("field"))) {
                refused.with("field", "testId");
            }
            throw refused;
        }
    }

    Page<InvitationView> list(Caller caller, InvitationQuery query) {
        Instant now = now();
        List<Invitation> rows = store.list(caller.tenantId(),
                new InvitationQuery(query.status(), query.testId(), query.createdFrom(), query.createdTo(),
                        query.externalReference(), query.after(), query.limit() + 1), now);
        return Page.of(rows, query.limit(), last -> new Cursor(last.createdAt(), last.id()).encode())
                .map(invitation -> InvitationView.of(invitation, now, null));
    }

    /**
     * Moves the expiry of an invitation nobody started yet, an expired one included (it becomes usable
     * again, and its next expiry is announced again).
     */
    InvitationView extend(Caller caller, String invitationId, Instant expiresAt) {
        Instant now = now();
        if (!expiresAt.isAfter(now)) {
            throw ProblemException.unprocessable("expiry-in-past", "expiresAt must be in the future.")
                    .with("field", "expiresAt");
        }
        if (expiresAt.isAfter(now.plus(LONGEST_EXPIRY))) {
            throw ProblemException.unprocessable("expiry-too-far", "expiresAt may be at most "
                    + LONGEST_EXPIRY.toHours() + " hours from now.").with("field", "expiresAt");
        }
        Instant newExpiry = expiresAt.truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 0; attempt < EXTEND_ATTEMPTS; attempt++) {
            Invitation current = load(caller, invitationId);
            if (current.candidateErased()) {
                // no email to key "one active invitation per candidate" by, and nobody to send the link to
                throw Invitation.candidateErasedConflict(invitationId, "extended");
            }
            if (current.status() != InvitationStatus.INVITED) {
                InvitationStatus status = current.statusAt(now);
                throw ProblemException.conflict("invitation-ended", "Invitation '" + invitationId + "' is " + status
                        + "; only an invitation nobody started yet can be extended.")
                        .with("invitationStatus", status);
            }
            String activeKey = ActiveKey.of(current.tenantId(), current.testId(), current.candidate().email());
            Optional<Invitation> extended;
            try {
                // only while the expiry is still the one read: the audit names the value this change replaced
                extended = store.extendIfNotStarted(caller.tenantId(), invitationId, current.expiresAt(), newExpiry,
                        activeKey, AuditEvents.success(caller, "invitation.extended", "invitation", invitationId,
                                Map.of("expiresAt", newExpiry.toString(), "previousExpiresAt",
                                        current.expiresAt().toString()), now));
            } catch (DuplicateKeyException anotherIsActive) {
                throw alreadyInvited(store.activeHolder(activeKey).map(Invitation::id).orElse("unknown"));
            }
            if (extended.isPresent()) {
                return InvitationView.of(extended.get(), now, null);
            }
        }
        throw ProblemException.conflict("invitation-changed", "The invitation is changing right now; try again.");
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
        Optional<Invitation> updated = store.revokeIfNotStarted(caller.tenantId(), invitationId, revocation, revoked,
                AuditEvents.success(caller, "invitation.revoked", "invitation", invitationId,
                        reason == null ? Map.of() : Map.of("reason", reason), now));
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

    /**
     * Sends the candidate a new link: a fresh token replaces the old one (which stops opening at once),
     * and InvitationResent carries the new link sealed for notification-service, which emails it. A
     * running session continues: the candidate's open page keeps its session token. Not for an
     * invitation that was revoked, has expired or was submitted (409).
     */
    InvitationView resend(Caller caller, String invitationId) {
        Instant now = now();
        Invitation current = load(caller, invitationId);
        AccessToken token = AccessToken.generate();
        String accessUrl = links.linkFor(token);
        EventEnvelope<InvitationResent> resent = EventEnvelope.of(new InvitationResent(invitationId, current.testId(),
                current.testTitle(), current.candidate(), current.recruiterEmail(), current.durationMinutes(),
                current.expiresAt(), sealer.seal(accessUrl), current.extraTimeMinutes()), caller.tenantId(),
                CorrelationId.currentOrNew(), now);
        EventEnvelope<AuditRecorded> audit = AuditEvents.success(caller, "invitation.resent", "invitation",
                invitationId, Map.of("status", current.statusAt(now).name()), now);
        Invitation updated = store.replaceTokenIfOpen(caller.tenantId(), invitationId, token.hash(), now, resent, audit)
                .orElseThrow(() -> {
                    InvitationStatus status = load(caller, invitationId).statusAt(now);
                    return ProblemException.conflict("invitation-ended", "Invitation '" + invitationId + "' is "
                            + status + "; only an invitation that is open or running can be sent again.")
                            .with("invitationStatus", status);
                });
        return InvitationView.of(updated, now, accessUrl);
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
