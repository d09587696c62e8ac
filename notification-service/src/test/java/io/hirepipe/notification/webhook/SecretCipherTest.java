package io.hirepipe.notification.webhook;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {

    private static String key(String seed) {
        return Base64.getEncoder().encodeToString((seed + "-0123456789abcdef0123456789abcdef").getBytes());
    }

    private static SecretCipher cipher(String key) {
        return new SecretCipher(WebhookTestProperties.withKey(key));
    }

    @Test
    void encryptsSoTheStoredFormHoldsNoPlainSecretAndDecryptsBack() {
        SecretCipher cipher = cipher(key("a"));
        String secret = WebhookSigner.newSecret();

        String stored = cipher.encrypt(secret, "whk_1");

        assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.substring(6, 20));
        assertThat(cipher.encrypt(secret, "whk_1")).as("a fresh IV each time").isNotEqualTo(stored);
        assertThat(cipher.decrypt(stored, "whk_1")).isEqualTo(secret);
    }

    @Test
    void aCiphertextMovedToAnotherSubscriptionOrReadWithAnotherKeyDoesNotDecrypt() {
        String stored = cipher(key("a")).encrypt("whsec_x", "whk_1");

        assertThatThrownBy(() -> cipher(key("a")).decrypt(stored, "whk_2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher(key("b")).decrypt(stored, "whk_1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("whsec_");
    }

    @Test
    void aMissingOrShortKeyStopsTheServiceFromStarting() {
        assertThatThrownBy(() -> cipher("")).hasMessageContaining("HIREPIPE_NOTIFICATION_SECRETS_KEY");
        assertThatThrownBy(() -> cipher(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("at least 32");
    }
}
