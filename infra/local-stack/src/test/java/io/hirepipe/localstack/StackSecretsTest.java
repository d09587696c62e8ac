package io.hirepipe.localstack;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StackSecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void theInvitationLinkKeyPairIsGeneratedOnceAndItsHalvesGoToOneServiceEach() throws Exception {
        StackSecrets first = StackSecrets.loadOrCreate(dataDir);
        StackSecrets again = StackSecrets.loadOrCreate(dataDir);

        assertThat(again.invitationLinkPrivateKey()).isEqualTo(first.invitationLinkPrivateKey());
        RSAKey publicKey = RSAKey.parse(first.invitationLinkPublicKey());
        assertThat(publicKey.isPrivate()).as("assessment-service can seal, not open").isFalse();

        JWEObject sealed = new JWEObject(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM),
                new Payload("http://localhost/take#token=t"));
        sealed.encrypt(new RSAEncrypter(publicKey));
        JWEObject received = JWEObject.parse(sealed.serialize());
        received.decrypt(new RSADecrypter(RSAKey.parse(first.invitationLinkPrivateKey())));
        assertThat(received.getPayload().toString()).isEqualTo("http://localhost/take#token=t");

        List<ServiceSpec> specs = ServiceLineup.specs(StackConfig.from(new String[0], Map.of(), dataDir)
                .withDataDir(dataDir), first);
        for (ServiceSpec spec : specs) {
            assertThat(spec.environment().containsKey("HIREPIPE_INVITATION_LINK_PRIVATE_KEY")).as(spec.name())
                    .isEqualTo(spec.name().equals("notification-service"));
            assertThat(spec.environment().containsKey("HIREPIPE_INVITATION_LINK_PUBLIC_KEY")).as(spec.name())
                    .isEqualTo(spec.name().equals("assessment-service"));
        }
    }
}
