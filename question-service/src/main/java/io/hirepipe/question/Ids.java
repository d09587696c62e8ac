package io.hirepipe.question;

import java.util.UUID;

/** Random, prefixed string ids: the prefix tells a question id from a test id at a glance. */
public final class Ids {

    private Ids() {
    }

    public static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }
}
