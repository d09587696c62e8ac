package io.hirepipe.assessment.partner.greenhouse;

import io.hirepipe.assessment.access.RedeemRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC logs the bodies it reads by {@code toString()} at DEBUG, and a record prints every component:
 * the requests that carry a credential print none of it.
 */
class SecretBearingRequestsTest {

    @Test
    void theGreenhouseCallbackKeyIsNotPrinted() {
        String key = "hp_3kZq_Xc8Lm2Wp7Kd4Rt9Vb3Nc";

        assertThat(new GreenhouseSettingsRequest("ops@acme.example", key).toString()).doesNotContain(key)
                .contains("hidden");
        assertThat(new GreenhouseSettingsRequest("ops@acme.example", null).toString()).contains("absent");
    }

    /** Greenhouse sends the candidate's name, email, phone number and résumé: none of it is printed. */
    @Test
    void theGreenhouseCandidateIsNotPrinted() {
        SendTestRequest.Candidate candidate = new SendTestRequest.Candidate("Kate", "Austen", "kate@example.com",
                "+44 20 7946 0958", "https://app.greenhouse.io/resumes/4711.pdf", "https://app.greenhouse.io/people/4711");
        SendTestRequest request = new SendTestRequest(tools.jackson.databind.node.JsonNodeFactory.instance.stringNode("t-1"),
                candidate, "https://app.greenhouse.io/integrations/testing_partners/take_home_tests/4711");

        assertThat(request.toString()).doesNotContain("Kate", "Austen", "kate@example.com", "7946", "resumes", "people")
                .contains("t-1");
    }

    @Test
    void theInvitationTokenIsNotPrinted() {
        String token = "Zx8Kq2Lm7Wp4Rt9Vb3NcQm7Xp2Lk9Wv4Tz8Nc3Hb0a";

        assertThat(new RedeemRequest(token).toString()).doesNotContain(token);
    }
}
