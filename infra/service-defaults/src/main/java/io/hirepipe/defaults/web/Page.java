package io.hirepipe.defaults.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of a cursor-paged list: {@code {"items": [...], "nextCursor": "…" | null, "hasMore": true|false}}.
 *
 * <p>The same {@code items} member as {@link Items}, so a client that reads unpaged lists reads this one too;
 * {@code nextCursor} is passed back as the {@code cursor} request parameter to get the rows after this page.
 * Build it from one row more than the page size, which tells whether more exist without a count query:
 *
 * <pre>{@code
 * List<Question> rows = store.find(filter, after, limit + 1);
 * return Page.of(rows, limit, q -> new Cursor(q.createdAt(), q.id()).encode());
 * }</pre>
 *
 * @param items      at most the page size, in the endpoint's stable order
 * @param nextCursor opaque position after the last item; null on the last page
 * @param hasMore    whether rows exist after this page
 */
public record Page<T>(List<T> items,
                      @Schema(example = "MjAyNi0wMy0wMVQwOTowMDowMFp8aW52X1djajJLczhMcTRSdDZZYg") String nextCursor,
                      boolean hasMore) {

    public Page {
        items = List.copyOf(items);
        if (hasMore && nextCursor == null) {
            throw new IllegalArgumentException("a page with more rows after it needs a cursor");
        }
    }

    /**
     * Cuts {@code rowsPlusOne} (fetched with {@code limit + 1}) to {@code limit}; if there was an extra row, the
     * cursor is taken from the last row kept.
     */
    public static <T> Page<T> of(List<T> rowsPlusOne, int limit, java.util.function.Function<T, String> cursorOf) {
        if (rowsPlusOne.size() <= limit) {
            return new Page<>(rowsPlusOne, null, false);
        }
        List<T> kept = rowsPlusOne.subList(0, limit);
        return new Page<>(kept, cursorOf.apply(kept.get(limit - 1)), true);
    }

    /** Maps the rows (for example from documents to views) and keeps the paging members. */
    public <R> Page<R> map(java.util.function.Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor, hasMore);
    }
}
