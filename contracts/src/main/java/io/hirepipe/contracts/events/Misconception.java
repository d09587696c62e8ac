package io.hirepipe.contracts.events;

import java.util.List;

/**
 * A wrong statement a free-text answer may make, such as "sharding copies all data to every node".
 *
 * @param phrases words that signal it (compared after stemming); may be empty when the description says it
 * @param points  what stating it costs (deducted, never below zero for the item)
 */
public record Misconception(String id, String description, List<String> phrases, int points) {

    public Misconception {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
    }
}
