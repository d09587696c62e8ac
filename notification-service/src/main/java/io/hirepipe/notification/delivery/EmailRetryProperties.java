package io.hirepipe.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How emails the SMTP server could not take are retried, from the delivery log.
 *
 * @param initialDelay the pause before the first retry; each later pause is {@code multiplier} times longer
 * @param maxDelay     the longest pause between two attempts
 * @param jitter       each pause is varied by up to this fraction either way, so a backlog does not retry in step
 * @param giveUpAfter  counted from when the email was first recorded; then it is FAILED for good
 * @param pollInterval how often the retrier looks for due retries
 * @param hold         how long a claimed retry is held before another instance may take it over
 */
@ConfigurationProperties("hirepipe.mail.retry")
public record EmailRetryProperties(Duration initialDelay, double multiplier, Duration maxDelay, double jitter,
                                   Duration giveUpAfter, Duration pollInterval, Duration hold) {

    public EmailRetryProperties {
        if (initialDelay == null || initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("hirepipe.mail.retry.initial-delay must be positive");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("hirepipe.mail.retry.multiplier must be at least 1");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("hirepipe.mail.retry.jitter must be in [0, 1)");
        }
    }

    /** The pause after failed attempt number {@code attempt} (1 = the first send). */
    Duration delayAfter(int attempt) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double varied = capped * (1 + jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Duration.ofMillis(Math.max(1, Math.round(varied)));
    }
}
