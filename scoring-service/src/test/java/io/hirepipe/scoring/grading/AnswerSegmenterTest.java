package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerSegmenterTest {

    private final AnswerSegmenter segmenter = new AnswerSegmenter();

    private List<String> units(String answer) {
        return segmenter.units(answer).stream().map(Span::text).toList();
    }

    @Test
    void keepsEachSentenceAndTheClausesInsideIt() {
        assertThat(units("Reads go to replicas, and a replica takes over if the primary fails. Sharding splits the data."))
                .containsExactly(
                        "Reads go to replicas, and a replica takes over if the primary fails.",
                        "Reads go to replicas",
                        "and a replica takes over if the primary fails.",
                        "Sharding splits the data.");
    }

    @Test
    void spansAreVerbatimSlicesOfTheAnswer() {
        String answer = "Sync blocks; async doesn't - it uses callbacks.\n- and futures";
        for (Span span : segmenter.units(answer)) {
            assertThat(answer.substring(span.start(), span.end())).isEqualTo(span.text());
        }
        assertThat(units(answer)).contains("Sync blocks; async doesn't", "it uses callbacks.", "and futures");
    }

    @Test
    void aLoneConnectiveNeverBecomesAUnit() {
        assertThat(units("Use a cache, and")).doesNotContain("and");
    }

    @Test
    void anAbbreviationDoesNotEndTheSentence() {
        List<String> units = segmenter.units("Use SQL for related data, e.g. a bank. NoSQL suits documents.").stream()
                .map(AnswerSegmenter.Span::text).toList();

        assertThat(units).contains("Use SQL for related data, e.g. a bank.", "NoSQL suits documents.")
                .doesNotContain("a bank.");
    }

    @Test
    void etcBeforeALowerCaseWordAndAbbreviationsInAnyCaseDoNotEndTheSentence() {
        assertThat(units("On writes, evict the key etc. so the next read reloads it. Watch the hot keys."))
                .contains("On writes, evict the key etc. so the next read reloads it.", "Watch the hot keys.");
        assertThat(units("Count per API key. E.g. a token bucket, incl. bursts. Over the limit, 429."))
                .contains("Count per API key.", "E.g. a token bucket, incl. bursts.", "Over the limit, 429.")
                .doesNotContain("E.g.");
        assertThat(units("Use TTLs, eviction etc. Then watch for stampedes."))
                .contains("Use TTLs, eviction etc.", "Then watch for stampedes.");
    }

    @Test
    void arrowsAndBecauseWrittenBSlashCEndAClauseAsTheirSpelledOutFormsDo() {
        assertThat(units("retry after timeout → same key → server returns stored result ⇒ card charged once."))
                .contains("retry after timeout", "same key → server returns stored result", "card charged once.");
        assertThat(units("key stored w/ unique index b/c 2 requests w/ same key shouldn't both go through."))
                .contains("key stored w/ unique index", "b/c 2 requests w/ same key shouldn't both go through.");
    }

    @Test
    void aShortDenialAfterAStatementIsAClauseOfItsOwn() {
        // "…, not X" and "…, never X" deny X only: joined to the clause before, they denied that clause too
        assertThat(units("Use keyset pagination with an index, not OFFSET."))
                .contains("Use keyset pagination with an index", "not OFFSET.");
        assertThat(units("Retry with exponential backoff, never immediately, and cap the attempts."))
                .contains("Retry with exponential backoff", "never immediately", "and cap the attempts.");
        // a short clause before it still joins it
        assertThat(units("Sharding, not replication, splits the rows.")).contains("Sharding, not replication")
                .doesNotContain("Sharding");
    }

    @Test
    void aLineOfOneWordRunsOnIntoTheNextLine() {
        // pasted from a narrow box or typed a word per line: the line breaks are no sentence ends
        assertThat(units("On\na\nmiss\nload\nthe\nrow,\nthen\nstore\nit.\nEach\nkey\nexpires."))
                .contains("On\na\nmiss\nload\nthe\nrow,\nthen\nstore\nit.", "Each\nkey\nexpires.")
                .doesNotContain("On", "miss", "key");
        // a heading or label over a list, a numbered list, and a line that ends a sentence still end it
        assertThat(units("Pros\n- fast lookups by key\n- ordered scans")).containsExactly("Pros", "fast lookups by key", "ordered scans");
        assertThat(units("Steps\n1. look up the key in the cache")).containsExactly("Steps", "look up the key in the cache");
        assertThat(units("Cache-aside loads on a miss\nTTL expires old entries")).containsExactly(
                "Cache-aside loads on a miss", "TTL expires old entries");
    }

    @Test
    void aHeadingIsNoUnitOfItsOwnButTheFirstWordsOfTheLineUnderIt() {
        assertThat(units("## Consistency\n## Availability\n### Partition tolerance ###\nIt depends on the use case."))
                .containsExactly("Partition tolerance ###\nIt depends on the use case.");
        assertThat(units("**Consistency:**\nEvery read sees the latest write.\n- __Availability__:\nEvery request gets an answer."))
                .containsExactly("Consistency:**\nEvery read sees the latest write.", "Availability__:\nEvery request gets an answer.");
        assertThat(units("Partition tolerance:\nIt keeps working when messages are lost.\nSummary:"))
                .containsExactly("Partition tolerance:\nIt keeps working when messages are lost.");
        // over a list it labels every item, so it goes with none of them; a plain one-word label stays as it was
        assertThat(units("**Pros:**\n- fast lookups by key\n- ordered scans")).containsExactly("fast lookups by key", "ordered scans");
        assertThat(units("Pros\n- fast lookups by key")).containsExactly("Pros", "fast lookups by key");
    }

    @Test
    void aLineThatSaysSomethingOrIsCodeIsNoHeading() {
        assertThat(units("# every request carries an Idempotency-Key header\n- retry: 3"))
                .containsExactly("# every request carries an Idempotency-Key header", "retry: 3");
        assertThat(units("**Always serve the API over HTTPS.**\nTokens stay secret.")).hasSize(2);
        assertThat(units("```\n# retry\nclient.call()\n```")).contains("# retry");
        assertThat(units("resilience4j:\n  timeoutDuration: 2s")).containsExactly("resilience4j:", "timeoutDuration: 2s");
    }

    @Test
    void aCommentOnALineOfCodeIsASentenceOfItsOwnWithoutItsMarker() {
        String answer = "```python\nredis.delete(key)  # drop the cached copy so the next read loads the new one\n```\n"
                + "-- without this, a lookup reads the whole table\nCREATE INDEX idx_email ON users (email);";
        assertThat(units(answer)).contains("redis.delete(key)", "drop the cached copy so the next read loads the new one",
                "without this, a lookup reads the whole table", "CREATE INDEX idx_email ON users (email)");
        assertThat(units(answer)).noneMatch(unit -> unit.contains("#") || unit.contains("--"));
        for (Span span : segmenter.units(answer)) {
            assertThat(answer.substring(span.start(), span.end())).isEqualTo(span.text());
        }
    }

    @Test
    void aHashLineNextToConfigurationIsACommentNotAHeading() {
        // as a heading it would be the first words of the configuration line under it
        assertThat(units("# on the standby server\nhot_standby = on")).containsExactly("on the standby server", "hot_standby = on");
    }

    @Test
    void blankOrPunctuationOnlyHasNoUnits() {
        assertThat(units("   ")).isEmpty();
        assertThat(units(null)).isEmpty();
        assertThat(units("- ; ,")).isEmpty();
    }
}
