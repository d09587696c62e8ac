package io.hirepipe.assessment.idempotency;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Encrypts the responses kept for idempotent replays (they hold candidate links) with AES-256-GCM
 * from Spring Security's crypto module. The record id is sealed inside the ciphertext and checked on
 * the way out, so a stored response copied onto another key's record is refused, not replayed.
 */
@Component
class StoredResponseCipher {

    /** Public and constant: the key's secrecy comes from the configured value, which is random. */
    private static final String SALT = "68697265706970652d6964656d706f74656e6379";

    private final BytesEncryptor encryptor;

    StoredResponseCipher(@Value("${hirepipe.idempotency.encryption-key:}") String key) {
        if (key == null || key.strip().length() < 32) {
            throw new IllegalStateException("hirepipe.idempotency.encryption-key (HIREPIPE_IDEMPOTENCY_ENCRYPTION_KEY)"
                    + " must be set to at least 32 random characters: stored responses hold candidate links");
        }
        this.encryptor = Encryptors.stronger(key.strip(), SALT);
    }

    String encrypt(String recordId, String plain) {
        byte[] sealed = encryptor.encrypt((recordId + "\n" + plain).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(sealed);
    }

    String decrypt(String recordId, String stored) {
        String plain;
        try {
            plain = new String(encryptor.decrypt(Base64.getDecoder().decode(stored)), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot decrypt the stored response of idempotency record " + recordId
                    + " (wrong hirepipe.idempotency.encryption-key?)");
        }
        if (!plain.startsWith(recordId + "\n")) {
            throw new IllegalStateException("The stored response of idempotency record " + recordId
                    + " belongs to another record");
        }
        return plain.substring(recordId.length() + 1);
    }
}
