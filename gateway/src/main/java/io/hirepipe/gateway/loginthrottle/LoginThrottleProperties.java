package io.hirepipe.gateway.loginthrottle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Back-off after failed logins. Each scope lets {@code freeFailures} through, then waits
 * {@code baseDelay} doubled per further failure up to {@code maxDelay}. A success from an address
 * clears that account-and-address record; failures are forgotten after {@code forgetAfter}.
 *
 * @param perAccountAndAddress the tight scope: one attacker guessing one account from one place
 * @param perAccount           looser, for a guessing campaign spread over many addresses; addresses the
 *                             account recently signed in from are exempt, so the real user still gets in
 * @param perAddress           one address trying many accounts (credential stuffing); generous, since a
 *                             whole office may sit behind one address
 */
@ConfigurationProperties("hirepipe.gateway.login-throttle")
public record LoginThrottleProperties(@DefaultValue("true") boolean enabled,
                                      @DefaultValue("100000") long maxEntries,
                                      @DefaultValue("1h") Duration forgetAfter,
                                      @DefaultValue("30d") Duration rememberSignInFor,
                                      @DefaultValue Scope perAccountAndAddress,
                                      @DefaultValue Scope perAccount,
                                      @DefaultValue Scope perAddress) {

    public record Scope(@DefaultValue("3") int freeFailures, @DefaultValue("1s") Duration baseDelay,
                        @DefaultValue("15m") Duration maxDelay) {

        /** How long to wait after the given number of consecutive failures. */
        Duration delayAfter(int failures) {
            if (failures <= freeFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - freeFailures - 1, 30);
            Duration delay = baseDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }
}
