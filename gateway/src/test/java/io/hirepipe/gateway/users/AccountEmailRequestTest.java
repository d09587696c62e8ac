package io.hirepipe.gateway.users;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway asks notification-service to send a set-password or reset email through WebClient, whose codecs
 * log the body by {@code toString()} at DEBUG: the link in it sets the account's password.
 */
class AccountEmailRequestTest {

    @Test
    void theLinkIsNotPrinted() {
        String link = "https://hirepipe.example/console#/set-password?token=pw_Xc5Lm2Wp7Kd4Rt9Vb3Nc";
        AccountEmails.Request request = new AccountEmails.Request("acme", "nina@example.com",
                AccountEmails.Kind.PASSWORD_RESET, link, Instant.EPOCH, "pw-reset-1");

        assertThat(request.toString()).contains("pw-reset-1").doesNotContain("pw_Xc5Lm2Wp7Kd4Rt9Vb3Nc");
    }
}
