package io.hirepipe.defaults.web;

import java.util.List;

/**
 * The one shape of every list a Hirepipe API returns: {@code {"items": [...]}}, never a bare JSON array.
 *
 * <p>Why an object: members can be added next to {@code items} later (a cursor to the next page, a total)
 * without breaking a client that reads {@code items} today, which a top-level array would not allow. And
 * clients read every list of every service the same way.
 *
 * <pre>{@code
 * @GetMapping
 * Items<QuestionView> list(Caller caller) {
 *     return Items.of(questions.list(caller));
 * }
 * }</pre>
 *
 * @param items in the order the endpoint documents (usually newest first); never null
 */
public record Items<T>(List<T> items) {

    public Items {
        items = List.copyOf(items);
    }

    public static <T> Items<T> of(List<T> items) {
        return new Items<>(items);
    }
}
