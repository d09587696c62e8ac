package io.hirepipe.gateway.security;

import io.hirepipe.gateway.apikey.ApiKeyController.CreatedApiKey;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies the gateway answers with that carry a credential: Spring's codecs log bodies by {@code toString()} at DEBUG,
 * which an operator turns on in an incident, and a record's own would print every component.
 */
class CredentialBodiesTest {

    @Test
    void aNewApiKeyPrintsItsIdAndPrefixButNotTheKey() {
        CreatedApiKey created = new CreatedApiKey("key_5Tq8Wm2Kd7Lp3Rx", "Greenhouse integration",
                "hp_3kZq_Xc8Lm2Wp7Kd4Rt9Vb3Nc", "hp_3kZq", List.of("invitations:write"), Instant.EPOCH);

        assertThat(created.toString()).contains("key_5Tq8Wm2Kd7Lp3Rx", "hp_3kZq").doesNotContain("Xc8Lm2Wp7Kd4Rt9Vb3Nc");
    }

    @Test
    void anIssuedTokenPrintsWhenItExpiresButNotTheToken() {
        IssuedToken token = new IssuedToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3IifQ.c2lnbmF0dXJl",
                Instant.parse("2026-12-06T05:00:00Z"));

        assertThat(token.toString()).contains("2026-12-06T05:00:00Z").doesNotContain("eyJ");
    }
}
