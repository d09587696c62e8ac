package io.hirepipe.notification.delivery;

import io.hirepipe.notification.mail.EmailMessage;
import io.hirepipe.notification.webhook.SecretCipher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The message of an email waiting for a retry, as stored in the delivery log: encrypted, because an
 * invitation holds the candidate's personal link, and bound to its delivery id so it cannot be moved.
 */
@Component
class PendingMessages {

    private final SecretCipher cipher;
    private final JsonMapper json;

    PendingMessages(SecretCipher cipher, JsonMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    String seal(EmailMessage email, String deliveryId) {
        return cipher.encrypt(json.writeValueAsString(email), deliveryId);
    }

    EmailMessage open(String sealed, String deliveryId) {
        return json.readValue(cipher.decrypt(sealed, deliveryId), EmailMessage.class);
    }
}
