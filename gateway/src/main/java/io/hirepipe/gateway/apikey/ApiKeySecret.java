package io.hirepipe.gateway.apikey;

import io.hirepipe.gateway.support.RandomIds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wire form of an API key, {@code hp_<keyId>_<secret>}: the id finds the stored hash, the
 * secret proves possession. Parsing is strict so junk never reaches the database.
 */
public record ApiKeySecret(String keyId, String secret) {

    static final String SCHEME = "hp_";
    static final int KEY_ID_LENGTH = 16;
    static final int SECRET_BYTES = 32;
    private static final int PREFIX_SECRET_CHARS = 4;
    // The key id alphabet has no '_', so the first '_' after it starts the (base64url) secret.
    private static final Pattern FORMAT = Pattern.compile("hp_([a-z0-9]{16})_([A-Za-z0-9_-]{43})");

    public static ApiKeySecret generate() {
        return new ApiKeySecret(RandomIds.id("", KEY_ID_LENGTH), RandomIds.secret(SECRET_BYTES));
    }

    public static Optional<ApiKeySecret> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(raw.trim());
        return matcher.matches() ? Optional.of(new ApiKeySecret(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** The full key, as handed to the client once. */
    public String value() {
        return SCHEME + keyId + "_" + secret;
    }

    /** Enough of the key to recognise it in a list, too little to matter if it leaks. */
    public String displayPrefix() {
        return SCHEME + keyId + "_" + secret.substring(0, PREFIX_SECRET_CHARS);
    }

    public String hash() {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Compares in constant time, so response timing reveals nothing about the stored hash. */
    public boolean matches(String storedHash) {
        if (storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        // Records print their components; a secret must never reach a log line.
        return "ApiKeySecret[keyId=" + keyId + "]";
    }
}
