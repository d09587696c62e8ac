package io.hirepipe.gateway.support;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers and secrets; never Mongo ObjectIds, which leak creation time and order. */
public final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private RandomIds() {
    }

    /** {@code prefix} followed by {@code length} lower-case letters and digits. */
    public static String id(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix.length() + length).append(prefix);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** {@code bytes} random bytes as unpadded base64url. */
    public static String secret(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
