package io.hirepipe.notification.webhook;

import io.hirepipe.notification.delivery.DeliveryKind;
import io.hirepipe.notification.delivery.DeliveryStatus;
import io.hirepipe.notification.delivery.EmailDeliveryView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC logs the bodies it reads and writes by {@code toString()} at DEBUG, and a record prints every component:
 * the one response that holds a subscription's secret prints neither it nor the URL (a receiver's token may be in it),
 * and no body prints a person's email or a candidate's name.
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

    @Test
    void aSubscriptionRequestPrintsNeitherTheUrlNorTheAlertAddress() {
        SubscriptionRequest request = new SubscriptionRequest("https://hooks.acme.example/hirepipe?token=receiver-own-token",
                List.of("assessment.scored"), "Push to our ATS", true, "ines.integrations@acme.example");

        assertThat(request.toString()).contains("assessment.scored")
                .doesNotContain("receiver-own-token", "ines.integrations@acme.example");
        assertThat(new SubscriptionView("whk_1", "https://hooks.acme.example", List.of(), null, true, null, null,
                Instant.EPOCH, Instant.EPOCH, null, null, null, "ines.integrations@acme.example", null).toString())
                .doesNotContain("ines.integrations@acme.example");
    }

    @Test
    void anEmailLogEntryPrintsItsIdAndStatusButNotTheRecipientNorTheSubject() {
        EmailDeliveryView entry = new EmailDeliveryView("eml_6Yb2Ks8Lq4Rt7Wc", DeliveryKind.CANDIDATE_INVITATION,
                "ada.byron@example.org", "Score report: Ada Lovelace-Byron – 72 %", "inv_Wcj2Ks8Lq4Rt6Yb",
                DeliveryStatus.PENDING, 1, Instant.EPOCH, null, null, null, null);

        assertThat(entry.toString()).contains("eml_6Yb2Ks8Lq4Rt7Wc", "PENDING")
                .doesNotContain("ada.byron@example.org", "Lovelace-Byron");
    }
}
