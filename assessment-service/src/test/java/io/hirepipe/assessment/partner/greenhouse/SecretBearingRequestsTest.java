package io.hirepipe.assessment.partner.greenhouse;

import io.hirepipe.assessment.access.RedeemRequest;
import io.hirepipe.assessment.invitation.Answer;
import io.hirepipe.assessment.invitation.BulkInvitationRequest;
import io.hirepipe.assessment.invitation.BulkInvitationResult;
import io.hirepipe.assessment.invitation.CreateInvitationRequest;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.InvitationView;
import io.hirepipe.assessment.invitation.RevokeInvitationRequest;
import io.hirepipe.assessment.privacy.PrivacyNotice;
import io.hirepipe.assessment.session.AnswerView;
import io.hirepipe.assessment.session.CandidateAssessmentView;
import io.hirepipe.assessment.session.ReopenRequest;
import io.hirepipe.assessment.session.SaveAnswerRequest;
import io.hirepipe.assessment.session.SessionStatus;
import io.hirepipe.assessment.session.SessionView;
import io.hirepipe.contracts.events.Person;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC logs the bodies it reads and writes by {@code toString()} at DEBUG, and a record prints every component:
 * the requests that carry a credential print none of it, and bodies that carry a candidate's or a recruiter's
 * details (name, email, phone, résumé, answers) print none of them.
 */
class SecretBearingRequestsTest {

    private static final String NAME = "Ada Lovelace-Byron";
    private static final String EMAIL = "ada.byron@example.org";
    private static final String RECRUITER = "rita.recruiter@acme.example";
    private static final String ANSWER = "A token bucket per client in Redis, refilled by Ada's own scheduler";
    private static final String LINK = "https://hirepipe.example/take#token=it_Zx8Kq2Lm7Wp4Rt9Vb3Nc";

    @Test
    void theGreenhouseCallbackKeyIsNotPrinted() {
        String key = "hp_3kZq_Xc8Lm2Wp7Kd4Rt9Vb3Nc";

        assertThat(new GreenhouseSettingsRequest("ops@acme.example", key).toString()).doesNotContain(key)
                .contains("hidden");
        assertThat(new GreenhouseSettingsRequest("ops@acme.example", null).toString()).contains("absent");
    }

    @Test
    void theInvitationTokenIsNotPrinted() {
        String token = "Zx8Kq2Lm7Wp4Rt9Vb3NcQm7Xp2Lk9Wv4Tz8Nc3Hb0a";

        assertThat(new RedeemRequest(token).toString()).doesNotContain(token);
    }

    @Test
    void anInvitationRequestPrintsItsTestButNoPerson() {
        CreateInvitationRequest request = new CreateInvitationRequest("t_8ZpQ3vN6cJw1TfHs",
                new CreateInvitationRequest.CandidateInput(NAME, EMAIL), 72, 15, RECRUITER, "gh-application-4711");
        BulkInvitationRequest bulk = new BulkInvitationRequest(List.of(JsonMapper.builder().build().valueToTree(request)));

        assertThat(request.toString()).contains("t_8ZpQ3vN6cJw1TfHs").doesNotContain(NAME, EMAIL, RECRUITER);
        assertThat(bulk.toString()).contains("1").doesNotContain(NAME, EMAIL, RECRUITER);
    }

    @Test
    void invitationViewsPrintIdsAndStatusButNoPersonAndNoLink() {
        InvitationView view = new InvitationView("inv_Wcj2Ks8Lq4Rt6Yb", "t_8ZpQ3vN6cJw1TfHs", "Backend basics",
                new Person(NAME, EMAIL), RECRUITER, InvitationStatus.INVITED, Instant.EPOCH, 45, 15, LINK, Instant.EPOCH,
                null, null, null, null, null, "Ada asked to withdraw", null, null, null, 0, "gh-application-4711");
        BulkInvitationResult result = new BulkInvitationResult(List.of(
                new BulkInvitationResult.Row(0, BulkInvitationResult.Outcome.INVITED, "inv_Wcj2Ks8Lq4Rt6Yb", LINK, null),
                new BulkInvitationResult.Row(1, BulkInvitationResult.Outcome.ALREADY_INVITED, null, null,
                        Map.of("title", "Already invited", "detail", EMAIL + " already has an open invitation"))));

        assertThat(view.toString()).contains("inv_Wcj2Ks8Lq4Rt6Yb", "INVITED")
                .doesNotContain(NAME, EMAIL, RECRUITER, "it_Zx8Kq2Lm7Wp4Rt9Vb3Nc");
        assertThat(new Person(NAME, EMAIL).toString()).doesNotContain(NAME, EMAIL);
        assertThat(result.toString()).contains("inv_Wcj2Ks8Lq4Rt6Yb", "ALREADY_INVITED")
                .doesNotContain(EMAIL, "it_Zx8Kq2Lm7Wp4Rt9Vb3Nc");
    }

    @Test
    void answersArePrintedWithoutWhatTheCandidateWrote() {
        SaveAnswerRequest save = new SaveAnswerRequest(7L, List.of("b"), ANSWER);
        AnswerView saved = new AnswerView("q_4GkR7wP2xYb9LmN3", List.of("b"), ANSWER, 7, Instant.EPOCH, true, Instant.EPOCH);
        SessionView session = new SessionView("ses_HJs7Pq2Xv9Lm4Nc", SessionStatus.ACTIVE, Instant.EPOCH, Instant.EPOCH,
                1980, List.of(), Map.of("q_4GkR7wP2xYb9LmN3", new Answer(List.of("b"), ANSWER, 7, Instant.EPOCH)), null,
                null, Instant.EPOCH, 20_000);

        assertThat(save.toString()).contains("7").doesNotContain(ANSWER);
        assertThat(saved.toString()).contains("q_4GkR7wP2xYb9LmN3").doesNotContain(ANSWER);
        assertThat(session.toString()).contains("ses_HJs7Pq2Xv9Lm4Nc").doesNotContain(ANSWER);
    }

    @Test
    void whatTheCandidateSeesPrintsNoRecruiterAndNoPrivacyContact() {
        CandidateAssessmentView view = new CandidateAssessmentView("inv_Wcj2Ks8Lq4Rt6Yb", "Backend basics", "Answer all",
                45, 15, 10, InvitationStatus.INVITED, Instant.EPOCH, RECRUITER, Instant.EPOCH, null,
                new PrivacyNotice("Priya Privacy-Officer", "priya.privacy@acme.example", 365));

        assertThat(view.toString()).contains("inv_Wcj2Ks8Lq4Rt6Yb")
                .doesNotContain(RECRUITER, "Priya Privacy-Officer", "priya.privacy@acme.example");
    }

    @Test
    void greenhouseBodiesPrintNoCandidateAndNoReportAddress() {
        SendTestRequest.Candidate candidate = new SendTestRequest.Candidate("Ada", "Lovelace-Byron", EMAIL,
                "+44 20 7946 0958", "https://app.greenhouse.io/resumes/4711.pdf", "https://app.greenhouse.io/people/4711");
        GreenhouseViews.Settings settings = new GreenhouseViews.Settings(RECRUITER, true, Instant.EPOCH);

        assertThat(candidate.toString()).doesNotContain("Lovelace-Byron", EMAIL, "7946", "resumes/4711");
        assertThat(new GreenhouseSettingsRequest(RECRUITER, null).toString()).doesNotContain(RECRUITER);
        assertThat(settings.toString()).contains("true").doesNotContain(RECRUITER);
    }

    @Test
    void aRecruitersReasonIsNotPrintedForItMayNameTheCandidate() {
        String reason = "Ada Lovelace-Byron's laptop crashed";

        assertThat(new ReopenRequest(15, reason).toString()).contains("15").doesNotContain(reason);
        assertThat(new RevokeInvitationRequest(reason).toString()).doesNotContain(reason);
    }
}
