package io.hirepipe.gateway.apikey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeySecretTest {

    @Test
    void aGeneratedKeyParsesBackToItsIdAndSecret() {
        ApiKeySecret generated = ApiKeySecret.generate();

        ApiKeySecret parsed = ApiKeySecret.parse(generated.value()).orElseThrow();

        assertThat(parsed).isEqualTo(generated);
        assertThat(generated.value()).matches("hp_[a-z0-9]{16}_[A-Za-z0-9_-]{43}");
    }

    @Test
    void keysAreUniqueAndTheDisplayPrefixRevealsOnlyAFewSecretCharacters() {
        ApiKeySecret one = ApiKeySecret.generate();
        ApiKeySecret two = ApiKeySecret.generate();

        assertThat(one.keyId()).isNotEqualTo(two.keyId());
        assertThat(one.secret()).isNotEqualTo(two.secret());
        assertThat(one.displayPrefix()).isEqualTo("hp_" + one.keyId() + "_" + one.secret().substring(0, 4));
    }

    @Test
    void onlyTheRightSecretMatchesTheStoredHash() {
        ApiKeySecret key = ApiKeySecret.generate();
        String stored = key.hash();

        assertThat(stored).hasSize(64).doesNotContain(key.secret());
        assertThat(key.matches(stored)).isTrue();
        assertThat(new ApiKeySecret(key.keyId(), ApiKeySecret.generate().secret()).matches(stored)).isFalse();
        assertThat(key.matches(null)).isFalse();
    }

    @Test
    void malformedKeysDoNotParse() {
        String secret = "A".repeat(43);
        assertThat(ApiKeySecret.parse(null)).isEmpty();
        assertThat(ApiKeySecret.parse("")).isEmpty();
        assertThat(ApiKeySecret.parse("hp_short_" + secret)).isEmpty();
        assertThat(ApiKeySecret.parse("xx_abcdefghijklmnop_" + secret)).isEmpty();
        assertThat(ApiKeySecret.parse("hp_ABCDEFGHIJKLMNOP_" + secret)).isEmpty();
        assertThat(ApiKeySecret.parse("hp_abcdefghijklmnop_" + secret + "extra")).isEmpty();
        assertThat(ApiKeySecret.parse("hp_abcdefghijklmnop_" + "A".repeat(42) + "$")).isEmpty();
        assertThat(ApiKeySecret.parse("hp_abcdefghijklmnop_" + secret)).isPresent();
    }

    @Test
    void theSecretNeverAppearsInToString() {
        ApiKeySecret key = ApiKeySecret.generate();

        assertThat(key.toString()).contains(key.keyId()).doesNotContain(key.secret());
    }
}
