package io.hirepipe.gateway.failover;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param maxAttempts      how many instances one request may try when connections are refused
 * @param outOfRotationFor how long an instance that refused a connection is left out of the rotation
 */
@ConfigurationProperties("hirepipe.gateway.failover")
public record FailoverProperties(Integer maxAttempts, Duration outOfRotationFor) {

    public FailoverProperties {
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        outOfRotationFor = outOfRotationFor == null ? Duration.ofSeconds(10) : outOfRotationFor;
    }
}
