package io.hirepipe.notification.webhook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignerTest {

    // The Standard Webhooks reference vector (also reproduced with openssl, see the README)
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsTheReferenceVector() {
        assertThat(WebhookSigner.sign(ID, TIMESTAMP, BODY, SECRET))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anyChangeToIdTimestampOrBodyChangesTheSignature() {
        String reference = WebhookSigner.sign(ID, TIMESTAMP, BODY, SECRET);
        assertThat(WebhookSigner.sign(ID + "x", TIMESTAMP, BODY, SECRET)).isNotEqualTo(reference);
        assertThat(WebhookSigner.sign(ID, TIMESTAMP + 1, BODY, SECRET)).isNotEqualTo(reference);
        assertThat(WebhookSigner.sign(ID, TIMESTAMP, BODY.replace("2", "3"), SECRET)).isNotEqualTo(reference);
    }

    @Test
    void duringARotationBothSecretsSignSpaceSeparated() {
        String next = WebhookSigner.newSecret();
        String header = WebhookSigner.signatureHeader(ID, TIMESTAMP, BODY, List.of(next, SECRET));

        assertThat(header.split(" ")).containsExactly(WebhookSigner.sign(ID, TIMESTAMP, BODY, next),
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void newSecretsAreWhsecWith32RandomBytes() {
        String secret = WebhookSigner.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSigner.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void aSecretWithoutItsPrefixIsRefused() {
        assertThatThrownBy(() -> WebhookSigner.sign(ID, TIMESTAMP, BODY, "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
