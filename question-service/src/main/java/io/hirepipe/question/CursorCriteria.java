package io.hirepipe.question;

import io.hirepipe.defaults.web.Cursor;
import org.springframework.data.mongodb.core.query.Criteria;

/** The rows after a cursor in a list sorted newest first by {@code createdAt}, ties broken by id (descending). */
public final class CursorCriteria {

    private CursorCriteria() {
    }

    public static Criteria after(Cursor cursor) {
        return new Criteria().orOperator(
                Criteria.where("createdAt").lt(cursor.at()),
                Criteria.where("createdAt").is(cursor.at()).and("_id").lt(cursor.id()));
    }
}
