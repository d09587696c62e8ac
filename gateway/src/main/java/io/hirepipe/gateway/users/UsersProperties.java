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
 * @param emailBudget      how many set-password and reset emails one address is sent per window
 */
@ConfigurationProperties("hirepipe.gateway.users")
public record UsersProperties(URI publicUrl, Duration inviteTtl, Duration resetTtl, Duration emailTimeout,
                              URI emailService, EmailBudget emailBudget) {

    public UsersProperties {
        publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
        inviteTtl = inviteTtl == null ? Duration.ofDays(3) : inviteTtl;
        resetTtl = resetTtl == null ? Duration.ofHours(1) : resetTtl;
        emailTimeout = emailTimeout == null ? Duration.ofSeconds(5) : emailTimeout;
        emailBudget = emailBudget == null ? new EmailBudget(null, null, null) : emailBudget;
    }

    /**
     * @param limit        emails (set-password and reset links together) one address is sent per period, however
     *                     many clients ask; a reset link lives an hour and each new one voids the last, so a few do
     * @param period       the window, from the address's first email in it
     * @param maxAddresses how many addresses are counted at once; the least recently emailed go first
     */
    public record EmailBudget(Integer limit, Duration period, Long maxAddresses) {

        public EmailBudget {
            limit = limit == null ? 3 : limit;
            period = period == null ? Duration.ofHours(1) : period;
            maxAddresses = maxAddresses == null ? 100_000L : maxAddresses;
            if (limit < 1 || period.isZero() || period.isNegative() || maxAddresses < 1) {
                throw new IllegalArgumentException(
                        "hirepipe.gateway.users.email-budget needs a positive limit, period and max-addresses");
            }
        }
    }
}
