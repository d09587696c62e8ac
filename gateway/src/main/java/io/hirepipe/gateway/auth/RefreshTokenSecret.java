package io.hirepipe.gateway.auth;

import io.hirepipe.gateway.support.RandomIds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wire form of a refresh token, {@code rt_<id>_<secret>}: the id finds the stored hash, the
 * secret proves possession. Console session cookies and password links use the same form, each kept in
 * its own collection so one never passes as another. 256 random bits, so a fast hash is enough to store it safely.
 */
public record RefreshTokenSecret(String id, String secret) {

    private static final Pattern FORMAT = Pattern.compile("rt_([a-z0-9]{24})_([A-Za-z0-9_-]{43})");

    public static RefreshTokenSecret generate() {
        return new RefreshTokenSecret(RandomIds.id("", 24), RandomIds.secret(32));
    }

    public static Optional<RefreshTokenSecret> parse(String raw) {
        Matcher matcher = raw == null ? null : FORMAT.matcher(raw.trim());
        return matcher != null && matcher.matches()
                ? Optional.of(new RefreshTokenSecret(matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }

    public String value() {
        return "rt_" + id + "_" + secret;
    }

    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Constant time, so timing reveals nothing about the stored hash. */
    public boolean matches(String storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "RefreshTokenSecret[id=" + id + "]";
    }
}
