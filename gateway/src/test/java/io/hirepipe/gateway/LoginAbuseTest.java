package io.hirepipe.gateway;

import io.hirepipe.gateway.identity.BootstrapProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Password guessing backs off per account and address, refused attempts never reach the password
 * check, and the real user signing in from elsewhere is not locked out meanwhile.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginAbuseTest extends EdgeTestSupport {

    private static final String TENANT = "t-throttle";
    private static final String PASSWORD = "the victim's real passphrase";
    private static final String WRONG = "guess-" + UUID.randomUUID();
    private static final String ATTACKER = "127.0.0.1";
    private static final String REAL_USER = "127.0.0.2";

    private String victim;

    @BeforeEach
    void victimAccount() {
        victim = "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@throttle.test";
        bootstrap.bootstrap(new BootstrapProperties(TENANT + "-" + victim.substring(7, 15), "Throttle Ltd", victim,
                PASSWORD)).block(Duration.ofSeconds(30));
    }

    @Test
    void guessingBacksOffWhileTheRealUserStillSignsInFromElsewhere(CapturedOutput output) {
        double failuresBefore = sample("hirepipe_gateway_login_failures_total");
        double throttledBefore = sample("hirepipe_gateway_login_throttled_total");

        for (int i = 0; i <= FREE_LOGIN_FAILURES; i++) {
            assertThat(postFrom(ATTACKER, "/auth/login", credentials(WRONG)).status()).isEqualTo(401);
        }
        RawResponse throttled = postFrom(ATTACKER, "/auth/login", credentials(WRONG));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.raw()).contains("application/problem+json").contains("login-throttled");
        Matcher retryAfter = Pattern.compile("(?i)Retry-After: (\\d+)").matcher(throttled.raw());
        assertThat(retryAfter.find()).isTrue();
        assertThat(Long.parseLong(retryAfter.group(1))).isBetween(1L, (long) LOGIN_BACK_OFF_SECONDS);

        // Within the back-off: the real user signs in from elsewhere, while from the attacker's address even the
        // right password waits (the metrics are read after this, so that reading them does not use up the back-off).
        assertThat(postFrom(REAL_USER, "/auth/login", credentials(PASSWORD)).status()).isEqualTo(200);
        assertThat(postFrom(ATTACKER, "/auth/login", credentials(PASSWORD)).status()).isEqualTo(429);

        // Counted as throttled, not as checked failures: the password was never compared.
        assertThat(sample("hirepipe_gateway_login_failures_total")).isEqualTo(failuresBefore + FREE_LOGIN_FAILURES + 1);
        assertThat(sample("hirepipe_gateway_login_throttled_total")).isEqualTo(throttledBefore + 2);

        // Once the back-off is over, the right password works from there too.
        await().atMost(Duration.ofSeconds(LOGIN_BACK_OFF_SECONDS + 5)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(postFrom(ATTACKER, "/auth/login", credentials(PASSWORD)).status())
                        .isEqualTo(200));

        assertThat(output.getAll()).contains("Failed login for account").doesNotContain(WRONG).doesNotContain(PASSWORD);
        assertThat(output.getAll().lines().filter(line -> line.contains("Failed login")))
                .allSatisfy(line -> assertThat(line).doesNotContain(victim));
    }

    private String credentials(String password) {
        return "{\"email\":\"" + victim + "\",\"password\":\"" + password + "\"}";
    }

    private double sample(String metric) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{[^}]*} (\\S+)")
                .matcher(management("/actuator/prometheus"));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0.0;
    }

}
