package io.hirepipe.scoring.grading;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodeLinesTest {

    private static List<String> codeLines(String answer) {
        return CodeLines.of(answer).stream().map(line -> answer.substring(line.start(), line.end()).strip()).toList();
    }

    private static List<String> comments(String answer) {
        return CodeLines.of(answer).stream().filter(CodeLines.Line::hasComment)
                .map(line -> answer.substring(line.commentStart(), line.end())).toList();
    }

    @Test
    void linesInsideACodeFenceAreCodeAndSoAreTheFences() {
        String answer = "Cache-aside:\n```python\nvalue = redis.get(key)\n  if value is None:\n```\nThat is all.";
        assertThat(codeLines(answer)).containsExactly("```python", "value = redis.get(key)", "if value is None:", "```");
    }

    @Test
    void unfencedLinesAreCodeByTheirShape() {
        assertThat(codeLines("""
                CREATE INDEX idx_orders_customer ON orders (customer_id);
                wal_level = replica
                spring.cache.redis.time-to-live=10m
                return render(orders, user)
                async def main():
                @Transactional(isolation = Isolation.SERIALIZABLE)
                public void transfer(long from, long to) { ... }""")).hasSize(7);
    }

    @Test
    void proseIsNoCodeWhateverItsPunctuation() {
        assertThat(codeLines("""
                Use Redis (or Memcached)
                SELECT queries with a WHERE get a lot faster.
                - reads go to the replicas;
                TTL: 5 minutes
                Consistency: every read sees the latest write
                INSERT and UPDATE get slower
                # Token bucket
                Count requests per API key, e.g. in Redis, and return 429.""")).isEmpty();
    }

    @Test
    void aCommentOfTwoWordsOrMoreOnACodeLineIsFoundAfterItsMarker() {
        String answer = """
                ```
                redis.delete(key)  # drop the cached copy so the next read loads it
                SELECT * FROM accounts WHERE id IN (1, 2) ORDER BY id FOR UPDATE; -- lowest id first
                // replicas lag a few seconds
                key-resolver: "#{@apiKeyResolver}"
                if cached:  # hit
                ```""";
        assertThat(comments(answer)).containsExactly(
                "drop the cached copy so the next read loads it", "lowest id first", "replicas lag a few seconds");
    }

    @Test
    void aCommentLineIsCodeNextToCodeAndAHeadingAmongProse() {
        assertThat(codeLines("# on the standby\nhot_standby = on")).containsExactly("# on the standby", "hot_standby = on");
        assertThat(codeLines("# on the standby\nThe standby answers reads.")).isEmpty();
    }
}
