package io.hirepipe.notification.webhook;

import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts subscription secrets at rest with AES-256-GCM. The subscription id is the associated
 * data, so a ciphertext copied onto another subscription does not decrypt. Stored form:
 * {@code v1:<base64(iv || ciphertext+tag)>}; the version prefix leaves room for a key rotation.
 */
@Component
public class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(WebhookProperties properties) {
        this.key = new SecretKeySpec(deriveKey(properties.secretsKey()), "AES");
    }

    /**
     * The configured value is high-entropy random bytes (base64 or base64url); hashing it gives a
     * 256-bit key whatever its length, so the local stack's generated secrets fit as they are.
     */
    static byte[] deriveKey(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("hirepipe.webhooks.secrets-key (HIREPIPE_NOTIFICATION_SECRETS_KEY) is not set:"
                    + " webhook secrets are never stored in plain text");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(configured.strip().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("hirepipe.webhooks.secrets-key must be base64", notBase64);
        }
        if (raw.length < 32) {
            throw new IllegalStateException("hirepipe.webhooks.secrets-key must hold at least 32 random bytes");
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String encrypt(String plain, String subscriptionId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a webhook secret", e);
        }
    }

    public String decrypt(String stored, String subscriptionId) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalStateException("Unknown secret format for subscription " + subscriptionId);
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the message names no secret material: only which subscription could not be read
            throw new IllegalStateException("Cannot decrypt the secret of subscription " + subscriptionId
                    + " (wrong hirepipe.webhooks.secrets-key?)");
        }
    }
}
