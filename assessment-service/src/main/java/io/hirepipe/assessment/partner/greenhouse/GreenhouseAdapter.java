package io.hirepipe.assessment.partner.greenhouse;

import io.hirepipe.assessment.invitation.CreateInvitationRequest;
import io.hirepipe.assessment.invitation.CreateInvitationRequest.CandidateInput;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationService;
import io.hirepipe.assessment.invitation.InvitationStore;
import io.hirepipe.assessment.invitation.InvitationView;
import io.hirepipe.assessment.invitation.LinkSealer;
import io.hirepipe.assessment.partner.greenhouse.GreenhouseViews.PartnerTest;
import io.hirepipe.assessment.partner.greenhouse.GreenhouseViews.Settings;
import io.hirepipe.assessment.partner.greenhouse.GreenhouseViews.TestStatus;
import io.hirepipe.assessment.questions.QuestionService;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.PartnerTestSent;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.defaults.privacy.EmailAddresses;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partner side of Greenhouse's Assessment API, on top of the invitations this service already
 * has: a Greenhouse "send test" is an ordinary invitation (same email, same link, same scoring),
 * remembered with the callback URL Greenhouse gave.
 */
@Service
class GreenhouseAdapter {

    static final String PARTNER = "greenhouse";
    private static final Logger log = LoggerFactory.getLogger(GreenhouseAdapter.class);

    private final QuestionService questions;
    private final InvitationService invitations;
    private final InvitationStore invitationStore;
    private final GreenhouseStore store;
    private final CallbackUrlCheck callbacks;
    private final LinkSealer sealer;
    private final GreenhouseProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    GreenhouseAdapter(QuestionService questions, InvitationService invitations, InvitationStore invitationStore,
                      GreenhouseStore store, CallbackUrlCheck callbacks, LinkSealer sealer,
                      GreenhouseProperties properties, ObjectProvider<MeterRegistry> meters, Clock clock) {
        this.questions = questions;
        this.invitations = invitations;
        this.invitationStore = invitationStore;
        this.store = store;
        this.callbacks = callbacks;
        this.sealer = sealer;
        this.properties = properties;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.clock = clock;
    }

    List<PartnerTest> listTests(Caller caller) {
        return questions.publishedTests(caller.tenantId()).stream()
                .map(test -> new PartnerTest(test.id(), test.title()))
                .toList();
    }

    /**
     * Invites the candidate exactly as {@code POST /api/invitations} does (so they get the usual
     * email), then remembers the callback with its event. The invitation id is the partner
     * interview id. Should the process die between the two writes, Greenhouse got no answer and
     * retries: the retry finds the invitation sent for this take-home test and writes the interview
     * the first send did not, so the completion is still reported.
     */
    String sendTest(Caller caller, SendTestRequest request) {
        List<Map<String, String>> problems = request.problems(callbacks);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        GreenhouseSettings settings = store.settings(caller.tenantId()).orElseThrow(() ->
                ProblemException.unprocessable("greenhouse-not-configured", "Greenhouse is not set up for this "
                        + "tenant: a recruiter must first name who receives the reports "
                        + "(PUT /api/v1/integrations/greenhouse/settings)."));
        String testId = request.testId();
        String email = request.candidate().email().strip();
        String callbackUrl = request.url().strip();
        Optional<String> taken = alreadyTaken(caller.tenantId(), callbackUrl, testId, email);
        if (taken.isPresent()) {
            log.info("Greenhouse sent test {} again after the candidate started it; answering with interview {}",
                    testId, taken.get());
            return taken.get();
        }
        InvitationView invitation;
        try {
            invitation = invitations.createForPartner(caller, new CreateInvitationRequest(testId,
                    new CandidateInput(request.candidate().fullName(), email),
                    null, null, settings.reportTo(), null), PARTNER, callbackUrl);
        } catch (ProblemException e) {
            if (e.getStatusCode().value() == 422 && e.getBody().getType().toString().endsWith("/unknown-test")) {
                throw invalid(List.of(Map.of("field", "partner_test_id", "message",
                        "names no test of this organisation; list_tests shows which exist")));
            }
            // Greenhouse sending the same test to the same candidate again for the same take-home test (its url: a
            // retry after a lost answer, or one racing the first send): the interview it already has. An invitation
            // made outside Greenhouse, or one Greenhouse sent for another take-home test (whose url would never hear of
            // completion), stays a 409.
            Object active = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("invitationId");
            if (e.getStatusCode().value() == 409 && active instanceof String existing
                    && sentFor(caller.tenantId(), existing, callbackUrl)) {
                log.info("Greenhouse sent test {} again; answering with interview {}", testId, existing);
                remember(caller, existing, testId, callbackUrl, settings);
                return existing;
            }
            throw e;
        }
        remember(caller, invitation.id(), testId, callbackUrl, settings);
        log.info("Greenhouse sent test {} as invitation {}", testId, invitation.id());
        return invitation.id();
    }

    /**
     * Writes the interview (the callback and its PartnerTestSent) unless a send of the same request already did:
     * the first send, a retry racing it, or a retry after the first died before writing it.
     */
    private void remember(Caller caller, String invitationId, String testId, String callbackUrl,
                          GreenhouseSettings settings) {
        if (store.interview(caller.tenantId(), invitationId).isPresent()) {
            return;
        }
        Instant now = now();
        EventEnvelope<PartnerTestSent> sent = EventEnvelope.of(new PartnerTestSent(invitationId, PARTNER,
                invitationId, callbackUrl, settings.sealedCallbackKey(), now), caller.tenantId(), CorrelationId.currentOrNew(), now);
        try {
            store.insert(new GreenhouseInterview(invitationId, caller.tenantId(), testId, callbackUrl,
                    caller.subject(), now, Outbox.messages(sent), true));
        } catch (DuplicateKeyException raced) {
            // the other send of this request wrote it (with its own event) meanwhile
        }
    }

    /**
     * Whether Greenhouse sent invitation {@code id} for this take-home test: the invitation says so from its insert
     * on, while the first send may still be writing the interview; one sent before invitations said so has the
     * interview.
     */
    private boolean sentFor(String tenantId, String id, String callbackUrl) {
        return invitationStore.find(tenantId, id).map(Invitation::partner)
                .filter(partner -> partner.sentFor(PARTNER, callbackUrl)).isPresent()
                || store.interview(tenantId, id).filter(sent -> sent.callbackUrl().equals(callbackUrl)).isPresent();
    }

    /**
     * The interview this take-home test (its callback URL) already became, if the candidate started or finished it:
     * Greenhouse retrying a send whose answer it lost must not email the candidate a retake. One not started is
     * answered through the active-invitation conflict below; a revoked or expired one is sent anew.
     */
    private Optional<String> alreadyTaken(String tenantId, String callbackUrl, String testId, String email) {
        return store.sentTo(tenantId, callbackUrl).stream()
                .filter(sent -> sent.testId().equals(testId))
                .flatMap(sent -> invitationStore.find(tenantId, sent.id()).stream())
                .filter(invitation -> invitation.started() && !invitation.candidateErased()
                        && invitation.candidate().email().equalsIgnoreCase(email))
                .map(Invitation::id)
                .findFirst();
    }

    /** Any invitation Greenhouse sent: the interview is written just after the invitation, so a status asked in between is known too. */
    TestStatus testStatus(Caller caller, String partnerInterviewId) {
        return invitationStore.find(caller.tenantId(), partnerInterviewId)
                .filter(invitation -> sentByGreenhouse(caller.tenantId(), invitation))
                .map(invitation -> TestStatusReport.of(invitation, properties.profileUrl(), now()))
                .orElseThrow(() -> ProblemException.notFound("Partner interview", partnerInterviewId));
    }

    private boolean sentByGreenhouse(String tenantId, Invitation invitation) {
        return invitation.partner() != null && PARTNER.equals(invitation.partner().name())
                || store.interview(tenantId, invitation.id()).isPresent();
    }

    /**
     * Logged (the text Greenhouse sent is made single-line and bounded first, as it comes from
     * outside, and any address it quotes is masked: logs outlive the candidate's erasure) and counted
     * per API call, so a broken answer shows on a dashboard.
     */
    void responseError(Caller caller, ResponseErrorReport report) {
        String call = switch (report.apiCall().strip()) {
            case "list_tests", "send_test", "test_status" -> report.apiCall().strip();
            default -> "other";
        };
        meters.counter("hirepipe.greenhouse.response.errors", "api_call", call).increment();
        log.warn("Greenhouse could not use our {} answer (tenant {}, partner_test_id {}, partner_interview_id {}): {}",
                call, caller.tenantId(), printable(report.partnerTestId()), printable(report.partnerInterviewId()),
                report.errors().stream().map(GreenhouseAdapter::printable).toList());
    }

    private static String printable(String text) {
        if (text == null) {
            return null;
        }
        String single = EmailAddresses.masked(text.replaceAll("\\p{Cntrl}", " "));
        return single.length() > 200 ? single.substring(0, 200) + "…" : single;
    }

    Settings settings(Caller caller) {
        // Not set up yet is a state, not a missing record: nothing stored, nothing to report to.
        return store.settings(caller.tenantId()).map(GreenhouseAdapter::view)
                .orElse(new Settings(null, false, null));
    }

    /**
     * The callback key can be set or replaced, never read back: so leaving it out keeps the stored one (an
     * administrator changing the report address does not hold the key any more, and Greenhouse needs it).
     */
    Settings saveSettings(Caller caller, GreenhouseSettingsRequest request) {
        String newKey = request.callbackApiKey() != null ? sealer.seal(request.callbackApiKey()) : null;
        return view(store.save(caller.tenantId(), request.reportTo().strip(), newKey, now(), caller.subject()));
    }

    private static Settings view(GreenhouseSettings settings) {
        return new Settings(settings.reportTo(), settings.sealedCallbackKey() != null, settings.updatedAt());
    }

    private static ProblemException invalid(List<Map<String, String>> problems) {
        String detail = problems.stream().map(p -> p.get("field") + ": " + p.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("The request is invalid.");
        return ProblemException.badRequest("invalid-request", detail).with("errors", problems);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
