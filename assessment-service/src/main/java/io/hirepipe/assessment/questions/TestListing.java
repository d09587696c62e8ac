package io.hirepipe.assessment.questions;

import java.util.List;

/**
 * A test as question-service lists it ({@code GET /api/tests}), reduced to what partners are shown.
 *
 * @param status null from a question-service whose tests have no lifecycle yet
 */
public record TestListing(String id, String title, String status) {

    static final int PAGE_SIZE = 200;
    /** 2,000 tests: more than any tenant offers an ATS; the bound keeps one call from running away. */
    static final int MAX_PAGES = 10;

    boolean published() {
        return status == null || "PUBLISHED".equals(status);
    }

    /** The list shape every service answers with; paged lists add a cursor. */
    record Page(List<TestListing> items, String nextCursor, Boolean hasMore) {

        Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
