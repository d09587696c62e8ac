package io.hirepipe.notification.mail;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.RSAKey;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationResent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.text.ParseException;

/**
 * Opens the candidate's link that assessment-service sealed for this service (a compact JWE,
 * RSA-OAEP-256 + A256GCM). Only this service holds the private key. The opened link exists only in
 * memory while the email is composed: it is never logged, stored or put into an event.
 */
@Component
public class InvitationLinks {

    private final RSADecrypter decrypter;

    public InvitationLinks(@Value("${hirepipe.invitation-link.private-key:}") String privateJwk) {
        this.decrypter = decrypterFor(privateJwk);
    }

    /**
     * The link to email: the sealed one opened, or (an event from a producer before version 2) the
     * plain one.
     *
     * @throws UnopenableLinkException when the sealed link cannot be opened (another key, tampered,
     *                                 not a JWE) or there is no link at all: retrying cannot help
     */
    public String linkOf(InvitationCreated invitation) {
        String sealed = invitation.sealedAccessUrl();
        if (sealed == null || sealed.isBlank()) {
            if (invitation.accessUrl() == null) {
                throw new UnopenableLinkException("the invitation carries no access URL, sealed or plain", null);
            }
            return invitation.accessUrl();
        }
        return open(sealed);
    }

    /** A resent invitation's new link; it only ever travels sealed. */
    public String linkOf(InvitationResent resent) {
        if (resent.sealedAccessUrl() == null || resent.sealedAccessUrl().isBlank()) {
            throw new UnopenableLinkException("the resent invitation carries no sealed access URL", null);
        }
        return open(resent.sealedAccessUrl());
    }

    public String open(String sealed) {
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(sealed);
        } catch (ParseException e) {
            throw new UnopenableLinkException("the sealed access URL is not a compact JWE", e);
        }
        // Only the algorithms we seal with: a header naming anything else is not ours.
        if (!JWEAlgorithm.RSA_OAEP_256.equals(jwe.getHeader().getAlgorithm())
                || !EncryptionMethod.A256GCM.equals(jwe.getHeader().getEncryptionMethod())) {
            throw new UnopenableLinkException("the sealed access URL uses an unexpected algorithm", null);
        }
        try {
            jwe.decrypt(decrypter);
        } catch (JOSEException | IllegalStateException e) {
            // The cause names no key material or plaintext; the message says what an operator needs.
            throw new UnopenableLinkException("the sealed access URL cannot be opened with this service's key "
                    + "(sealed for another key, or tampered with)", e);
        }
        return jwe.getPayload().toString();
    }

    private static RSADecrypter decrypterFor(String json) {
        if (json == null || json.isBlank()) {
            // Fail at start-up: without the key no invitation could ever be emailed.
            throw new IllegalStateException("hirepipe.invitation-link.private-key (HIREPIPE_INVITATION_LINK_PRIVATE_KEY) "
                    + "is required: the private RSA JWK that opens sealed invitation links");
        }
        try {
            RSAKey key = RSAKey.parse(json);
            if (!key.isPrivate()) {
                throw new IllegalStateException("hirepipe.invitation-link.private-key has no private part");
            }
            return new RSADecrypter(key);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("hirepipe.invitation-link.private-key is not a usable private RSA JWK", e);
        }
    }

    /** A sealed link this service cannot open: a poison record, never retried. */
    public static final class UnopenableLinkException extends RuntimeException {

        UnopenableLinkException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
