package io.hirepipe.assessment.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.text.ParseException;

/**
 * A stand-in for notification-service's invitation-link key pair, generated per test run: the
 * service gets only the public half, tests open sealed links with the private half.
 */
public final class TestLinkKeys {

    private static final RSAKey PAIR = generate();

    private TestLinkKeys() {
    }

    public static String publicJwk() {
        return PAIR.toPublicJWK().toJSONString();
    }

    /** Opens a sealed link as notification-service would. */
    public static String open(String sealed) {
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            jwe.decrypt(new RSADecrypter(PAIR));
            return jwe.getPayload().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Cannot open the sealed link", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-link").keyUse(KeyUse.ENCRYPTION).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
