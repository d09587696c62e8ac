package io.hirepipe.assessment.questions;

import java.util.List;

/**
 * A test as question-service lists it ({@code GET /api/tests}), reduced to what partners are shown.
 *
 * @param status           the latest version's: null from a question-service whose tests have no lifecycle yet
 * @param publishedVersion the version sessions start from, null if none; a published test being edited reads as a
 *                         DRAFT with one
 */
public record TestListing(String id, String title, String status, Integer publishedVersion) {

    static final int PAGE_SIZE = 200;
    /** 2,000 tests: more than any tenant offers an ATS; the bound keeps one call from running away. */
    static final int MAX_PAGES = 10;

    /** Whether candidates can be invited to it now: published, or published and being edited. */
    boolean published() {
        return status == null || "PUBLISHED".equals(status) || ("DRAFT".equals(status) && publishedVersion != null);
    }

    /** The list shape every service answers with; paged lists add a cursor. */
    record Page(List<TestListing> items, String nextCursor, Boolean hasMore) {

        Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
