package io.hirepipe.gateway.users;

import io.hirepipe.defaults.problem.ProblemException;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Password rules after NIST SP 800-63B: length over complexity. At least {@value #MIN_LENGTH} characters, up to
 * {@value #MAX_LENGTH} (any characters, spaces included: passphrases are welcome), no composition rules, and
 * not a commonly used or guessable one: the bundled list of common passwords, the account's own email, or one
 * character repeated. Nothing is trimmed or changed: what is typed is what is hashed.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** The login form accepts up to 128 characters: nothing allowed here may be refused there. */
    public static final int MAX_LENGTH = 128;
    private static final String COMMON_PASSWORDS = "/passwords/common-passwords.txt";

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** @throws ProblemException 400 naming {@code password} and the rule it breaks */
    public void check(String password, String email) {
        if (password == null || password.isEmpty()) {
            throw refused("Choose a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw refused("Use at least " + MIN_LENGTH + " characters; a few unrelated words make a good password.");
        }
        if (length > MAX_LENGTH) {
            throw refused("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(lower.strip())) {
            throw refused("This password is on a list of commonly used passwords; choose another.");
        }
        if (password.codePoints().distinct().count() == 1) {
            throw refused("A single repeated character is easy to guess; choose another.");
        }
        if (email != null) {
            String address = email.toLowerCase(Locale.ROOT);
            String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
            // The address or its local part with a few characters around it ("nina@acme.com!", "nina2026!")
            // is as guessable as either alone.
            if (lower.equals(local) || builtFrom(lower, address) || builtFrom(lower, local)) {
                throw refused("The password must not be built from your email address.");
            }
        }
    }

    private static boolean builtFrom(String password, String part) {
        return part.length() >= 4 && password.contains(part) && password.length() - part.length() < 6;
    }

    private static ProblemException refused(String detail) {
        return ProblemException.badRequest("weak-password", "password: " + detail).with("field", "password");
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the gateway");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
