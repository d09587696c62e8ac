package io.hirepipe.contracts.events;

import java.util.List;

/**
 * One thing a good free-text answer says, worth {@code points} when the answer conveys it.
 *
 * @param description a sentence saying what the answer should convey
 * @param phrases     words that signal it (compared after stemming and stop-word removal)
 * @param examples    optional example sentences that meet it, in the words a candidate might use;
 *                    empty from producers before schema version 2
 */
public record KeyPoint(String id, String description, List<String> phrases, int points, List<String> examples) {

    public KeyPoint {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public KeyPoint(String id, String description, List<String> phrases, int points) {
        this(id, description, phrases, points, List.of());
    }
}
