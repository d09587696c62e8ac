package io.hirepipe.assessment.invitation;

import java.util.Locale;

/**
 * The key that makes an invitation "the active one" for a candidate and a test in a tenant. Emails
 * are compared case-insensitively and without surrounding blanks, so "Ada@Example.org " and
 * "ada@example.org" are the same candidate.
 */
final class ActiveKey {

    private ActiveKey() {
    }

    static String of(String tenantId, String testId, String candidateEmail) {
        return tenantId + "\n" + testId + "\n" + normalisedEmail(candidateEmail);
    }

    static String normalisedEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
