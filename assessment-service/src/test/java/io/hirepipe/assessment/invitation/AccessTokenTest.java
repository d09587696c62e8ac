package io.hirepipe.assessment.invitation;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenTest {

    @Test
    void aTokenIs32RandomBytesInBase64UrlWithItsSha256() {
        AccessToken token = AccessToken.generate();

        assertThat(Base64.getUrlDecoder().decode(token.value())).hasSize(32);
        assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(token.hash()).isEqualTo(AccessToken.hashOf(token.value())).matches("[0-9a-f]{64}");
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void theHashIsSha256() {
        assertThat(AccessToken.hashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertThat(seen.add(AccessToken.generate().value())).isTrue();
        }
    }
}
