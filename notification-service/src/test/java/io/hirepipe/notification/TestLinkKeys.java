package io.hirepipe.notification;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * Invitation-link key pairs generated per test run: {@link #SERVICE} is the one this service is
 * configured with, {@link #OTHER} one it has never seen. Tests seal as assessment-service does.
 */
public final class TestLinkKeys {

    public static final RSAKey SERVICE = generate("test-link");
    public static final RSAKey OTHER = generate("other-link");

    private TestLinkKeys() {
    }

    public static String privateJwk() {
        return SERVICE.toJSONString();
    }

    /** Seals {@code link} for this service's key, as assessment-service does. */
    public static String seal(String link) {
        return seal(link, SERVICE);
    }

    public static String seal(String link, RSAKey recipient) {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                    .keyID(recipient.getKeyID()).build(), new Payload(link));
            jwe.encrypt(new RSAEncrypter(recipient.toPublicJWK()));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.ENCRYPTION).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
