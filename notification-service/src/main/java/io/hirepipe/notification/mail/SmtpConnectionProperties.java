package io.hirepipe.notification.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How SMTP connections are kept between emails.
 *
 * @param max                      the most connections open at once (each sending thread holds one while it sends)
 * @param maxMessagesPerConnection a connection is closed after this many messages, as many servers limit them
 * @param idleTimeout              a connection unused this long is closed (servers drop idle clients after minutes)
 */
@ConfigurationProperties("hirepipe.mail.connections")
public record SmtpConnectionProperties(int max, int maxMessagesPerConnection, Duration idleTimeout) {

    public SmtpConnectionProperties {
        if (max < 1) {
            throw new IllegalArgumentException("hirepipe.mail.connections.max must be at least 1");
        }
        if (maxMessagesPerConnection < 1) {
            throw new IllegalArgumentException("hirepipe.mail.connections.max-messages-per-connection must be at least 1");
        }
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("hirepipe.mail.connections.idle-timeout must be positive");
        }
    }
}
