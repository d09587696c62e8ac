package io.hirepipe.assessment.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The candidate's bearer secret: 32 random bytes, base64url. Only its SHA-256 is stored, so a
 * leaked database does not let anyone take an assessment; a fast hash suffices because the token
 * has 256 bits of entropy (nothing to brute-force, unlike a password).
 */
public record AccessToken(String value, String hash) {

    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static AccessToken generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new AccessToken(value, hashOf(value));
    }

    public static String hashOf(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Never print the secret. */
    @Override
    public String toString() {
        return "AccessToken[hash=" + hash + "]";
    }
}
