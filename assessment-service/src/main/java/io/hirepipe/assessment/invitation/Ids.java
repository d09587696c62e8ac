package io.hirepipe.assessment.invitation;

import java.security.SecureRandom;
import java.util.Base64;

/** Prefixed random ids: readable in logs ("inv_…", "ses_…"), unguessable, never MongoDB ObjectIds. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String invitation() {
        return "inv_" + random();
    }

    public static String session() {
        return "ses_" + random();
    }

    public static String erasure() {
        return "era_" + random();
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
