package io.hirepipe.question.bank;

import io.hirepipe.defaults.security.Caller;

/** Who wrote a question version, as recruiters see it: a recruiter's e-mail, or the API key that wrote it. */
public final class Authors {

    private Authors() {
    }

    public static String of(Caller caller) {
        if (caller.email() != null && !caller.email().isBlank()) {
            return caller.email();
        }
        return caller.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + caller.subject();
    }
}
