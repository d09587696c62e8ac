package io.hirepipe.question.template;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The random choices of one session, all seeded from its id: the same session id always draws the same
 * pool questions and the same order, so a session can be reproduced (and audited) from its id alone,
 * while two candidates get independent draws.
 */
final class SessionDraw {

    private final String sessionId;

    SessionDraw(String sessionId) {
        this.sessionId = sessionId;
    }

    /** {@code count} of {@code candidates} (given in a stable order), chosen for section {@code purpose}. */
    <T> List<T> pick(List<T> candidates, int count, String purpose) {
        List<T> shuffled = shuffled(candidates, "pool/" + purpose);
        return List.copyOf(shuffled.subList(0, Math.min(count, shuffled.size())));
    }

    <T> List<T> shuffled(List<T> items, String purpose) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, new Random(seed(sessionId + "/" + purpose)));
        return copy;
    }

    private static long seed(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
