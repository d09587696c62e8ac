package io.hirepipe.assessment.privacy;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC logs the bodies it reads and writes by {@code toString()} at DEBUG, and a record prints every component:
 * an erasure request and the privacy contact print neither address nor name (the rest of the module's bodies are in
 * SecretBearingRequestsTest; these are package-private).
 */
class PrivacyBodiesTest {

    @Test
    void anErasureRequestPrintsTheInvitationButNotTheEmail() {
        String email = "ada.byron@example.org";

        assertThat(new ErasureRequest(email, "inv_Wcj2Ks8Lq4Rt6Yb").toString()).contains("inv_Wcj2Ks8Lq4Rt6Yb")
                .doesNotContain(email);
    }

    @Test
    void thePrivacyContactIsNotPrinted() {
        String name = "Priya Privacy-Officer";
        String email = "priya.privacy@acme.example";

        assertThat(new PrivacySettingsRequest(365, name, email).toString()).contains("365").doesNotContain(name, email);
        assertThat(new PrivacySettingsView(365, name, email, Instant.EPOCH).toString()).contains("365")
                .doesNotContain(name, email);
    }
}
