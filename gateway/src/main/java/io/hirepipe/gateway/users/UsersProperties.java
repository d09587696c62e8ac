package io.hirepipe.gateway.users;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * @param publicUrl        the address people open the console at; emailed links start with it
 * @param inviteTtl        how long an invited person's set-password link works
 * @param resetTtl         how long a password reset link works
 * @param emailTimeout     how long the gateway waits for notification-service to take an email
 * @param emailService     where account emails are handed over; unset: notification-service's base URL
 */
@ConfigurationProperties("hirepipe.gateway.users")
public record UsersProperties(URI publicUrl, Duration inviteTtl, Duration resetTtl, Duration emailTimeout,
                              URI emailService) {

    public UsersProperties {
        publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
        inviteTtl = inviteTtl == null ? Duration.ofDays(3) : inviteTtl;
        resetTtl = resetTtl == null ? Duration.ofHours(1) : resetTtl;
        emailTimeout = emailTimeout == null ? Duration.ofSeconds(5) : emailTimeout;
    }
}
