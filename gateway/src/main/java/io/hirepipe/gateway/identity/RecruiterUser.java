package io.hirepipe.gateway.identity;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A person who signs in to the recruiter UI. The email is unique platform-wide because login asks
 * for email and password only; the password is stored as a DelegatingPasswordEncoder hash
 * ({@code {bcrypt}...}), so the algorithm can change without a migration.
 */
@Document(RecruiterUser.COLLECTION)
public record RecruiterUser(@Id String id, String tenantId, String email, String passwordHash, Instant createdAt) {

    public static final String COLLECTION = "recruiters";

    /** Emails compare case-insensitively; they are stored in this form. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
