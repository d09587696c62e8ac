package io.hirepipe.defaults.web;

import io.hirepipe.defaults.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageAndCursorTest {

    @Test
    void cursorSurvivesTheRoundTripIncludingIdsWithSeparators() {
        Cursor cursor = new Cursor(Instant.parse("2026-12-01T10:15:30.123456Z"), "q-1|odd");

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void blankCursorMeansFromTheStart() {
        assertThat(Cursor.decode(null)).isNull();
        assertThat(Cursor.decode(" ")).isNull();
    }

    @Test
    void forgedCursorsAreA400NamingTheParameter() {
        for (String bad : List.of("%%%", "bm90LWEtY3Vyc29y", "x".repeat(600), "fDEyMw")) {
            assertThatThrownBy(() -> Cursor.decode(bad))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(400);
                        assertThat(e.getBody().getProperties()).containsEntry("parameter", "cursor");
                    });
        }
    }

    @Test
    void pageKeepsTheLimitAndTakesTheCursorFromTheLastKeptRow() {
        Page<String> page = Page.of(List.of("a", "b", "c"), 2, row -> "after-" + row);

        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.hasMore()).isTrue();
        assertThat(page.nextCursor()).isEqualTo("after-b");
    }

    @Test
    void lastPageHasNoCursor() {
        Page<String> page = Page.of(List.of("a", "b"), 2, row -> "after-" + row).map(String::toUpperCase);

        assertThat(page.items()).containsExactly("A", "B");
        assertThat(page.hasMore()).isFalse();
        assertThat(page.nextCursor()).isNull();
    }
}
