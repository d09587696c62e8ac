package io.hirepipe.defaults.privacy;

import java.util.regex.Pattern;

/**
 * Text from outside (an SMTP server's refusal, a partner's error report) that may quote someone's address, made fit
 * for logs and stored errors: logs are kept beyond the retention and erasure the address itself has.
 */
public final class EmailAddresses {

    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^\\s<>()\\[\\]\"',;:]+@[^\\s<>()\\[\\]\"',;:]+");

    private EmailAddresses() {
    }

    /** The text with every address in it replaced by {@code [address]}. */
    public static String masked(String text) {
        return EMAIL_ADDRESS.matcher(text).replaceAll("[address]");
    }
}
