package io.hirepipe.gateway.identity;

import io.hirepipe.defaults.security.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A person who signs in to the recruiter UI. The email is unique platform-wide because login asks
 * for email and password only; the password is stored as a DelegatingPasswordEncoder hash
 * ({@code {bcrypt}...}), so the algorithm can change without a migration.
 *
 * @param role   what they may do in their tenant
 * @param status invited, active or deactivated
 */
@Document(RecruiterUser.COLLECTION)
public record RecruiterUser(@Id String id, String tenantId, String email, String passwordHash, Instant createdAt,
                            Role role, UserStatus status) {

    public static final String COLLECTION = "recruiters";

    public RecruiterUser {
        // Users stored before roles existed are each tenant's one bootstrapped recruiter, who has always
        // managed keys and webhooks: reading them as ADMIN keeps every tenant with someone who can manage
        // it, and takes nothing away from anyone. (New users are always stored with a role.)
        role = role == null ? Role.ADMIN : role;
        // Likewise they were all able to sign in.
        status = status == null ? UserStatus.ACTIVE : status;
    }

    public boolean active() {
        return status == UserStatus.ACTIVE;
    }

    /** Emails compare case-insensitively; they are stored in this form. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The SHA-256 of the normalised address, in hex: what per-account counters key by, so that they hold no
     * address book of who was targeted, and one address spelled differently counts once.
     */
    public static String emailKey(String email) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(normalizeEmail(email).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** How log lines name an account: a prefix of its {@link #emailKey}, enough to correlate lines, never the address. */
    public static String inLogs(String email) {
        return emailKey(email).substring(0, 12);
    }
}
