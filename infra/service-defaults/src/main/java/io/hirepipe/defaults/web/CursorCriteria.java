package io.hirepipe.defaults.web;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The MongoDB rows after a {@link Cursor} in a list sorted newest first by a time field, ties broken by id
 * (descending). Only services with spring-data-mongodb use it.
 */
public final class CursorCriteria {

    private CursorCriteria() {
    }

    /** After the cursor in a list sorted by {@code createdAt}. */
    public static Criteria after(Cursor cursor) {
        return after("createdAt", cursor);
    }

    public static Criteria after(String timeField, Cursor cursor) {
        return new Criteria().orOperator(
                Criteria.where(timeField).lt(cursor.at()),
                Criteria.where(timeField).is(cursor.at()).and("_id").lt(cursor.id()));
    }
}
