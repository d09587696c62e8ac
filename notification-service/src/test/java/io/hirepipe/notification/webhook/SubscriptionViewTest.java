package io.hirepipe.notification.webhook;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC logs the bodies it writes by {@code toString()} at DEBUG, and a record prints every component: the
 * one response that holds a subscription's secret prints neither it nor the URL (a receiver's token may be in it).
 */
class SubscriptionViewTest {

    @Test
    void neitherTheSecretNorTheUrlIsPrinted() {
        String secret = "whsec_MfKQ9r8GKYqXt3vN7Lw2Pz5Hb6Jc4Ds1";
        String url = "https://hooks.acme.example/hirepipe?token=receiver-own-token";
        SubscriptionView view = new SubscriptionView("whk_1", url, List.of("assessment.scored"), null, true, null, null,
                Instant.EPOCH, Instant.EPOCH, null, null, null, "ops@acme.example", secret);

        assertThat(view.toString()).contains("whk_1").doesNotContain(secret).doesNotContain("receiver-own-token");
    }
}
