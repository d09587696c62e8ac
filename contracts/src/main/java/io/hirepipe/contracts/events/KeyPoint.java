package io.hirepipe.contracts.events;

import java.util.List;

/**
 * One thing a good free-text answer mentions. It is met when the answer contains any one of its
 * phrases (compared after stemming and stop-word removal), and then earns {@code points}.
 */
public record KeyPoint(String id, String description, List<String> phrases, int points) {

    public KeyPoint {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
    }
}
