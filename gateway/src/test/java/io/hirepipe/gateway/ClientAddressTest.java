package io.hirepipe.gateway;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The budgets kept per address (the login throttle, anonymous rate limits) key on an address the client cannot
 * choose: a client's own {@code Forwarded} or {@code X-Forwarded-For} counts for nothing, even in a Kubernetes pod
 * (where Spring Boot would otherwise believe them), and behind a trusted proxy only the hop that proxy appended
 * names the client.
 */
class ClientAddressTest extends EdgeTestSupport {

    private static final String CLIENT = "127.0.0.3";

    @Test
    void aClientRotatingForwardedHeadersIsStillThrottledAsTheOneAddressItIs() {
        String account = "nobody-" + UUID.randomUUID() + "@spoof.test";
        int status = 0;
        for (int attempt = 1; attempt <= FREE_LOGIN_FAILURES + 2 && status != 429; attempt++) {
            status = postFrom(CLIENT, "/api/v1/auth/login", wrongPassword(account),
                    "X-Forwarded-For: 198.51.100." + attempt,
                    "Forwarded: for=198.51.100." + attempt).status();
        }
        assertThat(status).as("throttled although every attempt named another address").isEqualTo(429);
    }

    @Test
    void behindTheTrustedProxyTheHopItAppendedIsTheClientNotWhatTheClientWroteBeforeIt() {
        String account = "nobody-" + UUID.randomUUID() + "@spoof.test";
        int status = 0;
        for (int attempt = 1; attempt <= FREE_LOGIN_FAILURES + 2 && status != 429; attempt++) {
            // The client sent "X-Forwarded-For: 198.51.100.<n>"; the proxy appended the address it saw.
            status = postFrom(TRUSTED_PROXY, "/api/v1/auth/login", wrongPassword(account),
                    "X-Forwarded-For: 198.51.100." + attempt + ", 203.0.113.10",
                    "Forwarded: for=198.51.100." + attempt).status();
        }
        assertThat(status).as("throttled although every attempt named another address").isEqualTo(429);

        // Another client behind the same proxy has budgets of its own.
        assertThat(postFrom(TRUSTED_PROXY, "/api/v1/auth/login", wrongPassword(account),
                "X-Forwarded-For: 203.0.113.11").status()).isEqualTo(401);
        // A proxy's header from a peer that is not the proxy is the client's own text: ignored.
        assertThat(postFrom(CLIENT, "/api/v1/auth/login", wrongPassword(account),
                "X-Forwarded-For: 203.0.113.12").status()).isEqualTo(401);
        assertThat(postFrom(CLIENT, "/api/v1/auth/login", wrongPassword(account),
                "X-Forwarded-For: 203.0.113.10").status()).as("203.0.113.10 only behind the proxy").isEqualTo(401);
    }

    @Test
    void anIpv6ClientRotatingAddressesWithinItsSlash64IsThrottledAsOneClient() {
        String account = "nobody-" + UUID.randomUUID() + "@spoof.test";
        int status = 0;
        for (int attempt = 1; attempt <= FREE_LOGIN_FAILURES + 2 && status != 429; attempt++) {
            status = postFrom(TRUSTED_PROXY, "/api/v1/auth/login", wrongPassword(account),
                    "X-Forwarded-For: 2001:db8:7:1::" + Integer.toHexString(attempt)).status();
        }
        assertThat(status).as("throttled although every attempt came from another address of one /64").isEqualTo(429);

        assertThat(postFrom(TRUSTED_PROXY, "/api/v1/auth/login", wrongPassword(account),
                "X-Forwarded-For: 2001:db8:7:2::1").status()).as("another /64 is another client").isEqualTo(401);
    }

    private static String wrongPassword(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"not the password at all\"}";
    }
}
