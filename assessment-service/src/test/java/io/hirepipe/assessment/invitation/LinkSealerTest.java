package io.hirepipe.assessment.invitation;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import io.hirepipe.assessment.support.TestLinkKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkSealerTest {

    private static final String LINK = "https://hirepipe.test/take#token=s3cr3t-token-value";

    @Test
    void sealsTheLinkAsAnRsaOaepJweOnlyThePrivateKeyOpens() throws Exception {
        String sealed = new LinkSealer(TestLinkKeys.publicJwk()).seal(LINK);

        assertThat(sealed).doesNotContain("s3cr3t").doesNotContain("token=");
        JWEObject jwe = JWEObject.parse(sealed);
        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.RSA_OAEP_256);
        assertThat(jwe.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        assertThat(TestLinkKeys.open(sealed)).isEqualTo(LINK);
    }

    @Test
    void sealingTheSameLinkTwiceGivesDifferentCiphertexts() {
        LinkSealer sealer = new LinkSealer(TestLinkKeys.publicJwk());

        assertThat(sealer.seal(LINK)).isNotEqualTo(sealer.seal(LINK));
    }

    @Test
    void refusesToStartWithoutAUsableKey() {
        assertThatThrownBy(() -> new LinkSealer("")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HIREPIPE_INVITATION_LINK_PUBLIC_KEY");
        assertThatThrownBy(() -> new LinkSealer("{\"kty\":\"oct\"}")).isInstanceOf(IllegalStateException.class);
    }
}
