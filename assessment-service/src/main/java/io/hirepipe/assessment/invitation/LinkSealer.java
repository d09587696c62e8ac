package io.hirepipe.assessment.invitation;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.text.ParseException;

/**
 * Seals the candidate's link for notification-service: a compact JWE (RSA-OAEP-256 + A256GCM) for
 * its public key. This service holds only the public key, so it can seal but never open, and the
 * token never sits in plain text in the event, the outbox, Kafka or a dead letter. Other secrets
 * only notification-service may use (a partner's callback key) are sealed the same way.
 */
@Component
public class LinkSealer {

    private final RSAKey publicKey;
    private final RSAEncrypter encrypter;

    LinkSealer(@Value("${hirepipe.invitation-link.public-key:}") String publicJwk) {
        this.publicKey = parsePublic(publicJwk);
        try {
            this.encrypter = new RSAEncrypter(publicKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("hirepipe.invitation-link.public-key is not a usable RSA key", e);
        }
    }

    public String seal(String accessUrl) {
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID(publicKey.getKeyID())
                .build();
        JWEObject jwe = new JWEObject(header, new Payload(accessUrl));
        try {
            jwe.encrypt(encrypter);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot seal an invitation link", e);
        }
        return jwe.serialize();
    }

    private static RSAKey parsePublic(String json) {
        if (json == null || json.isBlank()) {
            // Fail at start-up: without the key no invitation could ever be emailed.
            throw new IllegalStateException("hirepipe.invitation-link.public-key (HIREPIPE_INVITATION_LINK_PUBLIC_KEY) "
                    + "is required: notification-service's public JWK that invitation links are sealed for");
        }
        try {
            RSAKey key = RSAKey.parse(json);
            // Only the public part is kept: this service must not be able to open what it seals.
            return key.toPublicJWK();
        } catch (ParseException e) {
            throw new IllegalStateException("hirepipe.invitation-link.public-key is not an RSA JWK", e);
        }
    }
}
