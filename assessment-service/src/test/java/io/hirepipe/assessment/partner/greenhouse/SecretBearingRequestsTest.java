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

    @Test
    void theInvitationTokenIsNotPrinted() {
        String token = "Zx8Kq2Lm7Wp4Rt9Vb3NcQm7Xp2Lk9Wv4Tz8Nc3Hb0a";

        assertThat(new RedeemRequest(token).toString()).doesNotContain(token);
    }
}
