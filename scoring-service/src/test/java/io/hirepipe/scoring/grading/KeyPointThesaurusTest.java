package io.hirepipe.scoring.grading;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled thesaurus ({@code grading/key-point-synonyms.txt}) as the grader reads a key point's phrase through it. */
class KeyPointThesaurusTest {

    private static final RubricMatcher matcher = new RubricMatcher();

    @AfterAll
    static void close() {
        matcher.close();
    }

    /** Whether the answer's words state the phrase in other words, as the grader looks for it in one unit. */
    private static boolean meets(String answer, String phrase) {
        Set<String> terms = matcher.terms(answer);
        terms.addAll(matcher.equivalents(answer, matcher.terms(answer)));
        return terms.containsAll(matcher.equivalentTerms(phrase));
    }

    @ParameterizedTest(name = "\"{0}\" states \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "Each entry gets a lifetime of five minutes.|ttl",
            "Every cached value expires after a minute.|time to live",
            "Reads are served by the followers.|read replicas",
            "Reads can go to the copies of the data, and if the leader dies another node takes over.|failover",
            "Each server holds only part of the rows.|subset",
            "Check the input before it reaches the database.|validate input",
            "Use prepared statements everywhere.|parameterized queries",
            "Sanitise everything the user sends.|sanitize",
            "The table is too big for a single machine.|too big for one server",
            "Every query is pasted into the SQL string.|concatenat",
            "Add a random offset to each key's expiry.|jitter",
            "The thread is stuck until the disk answers.|blocking",
            "Read from the master database for a few seconds after a write.|read from primary",
    })
    void aPhraseSaidInACandidatesWordsIsMet(String answer, String phrase) {
        assertThat(matcher.terms(answer).containsAll(matcher.terms(phrase))).as("met by the phrase's own words").isFalse();
        assertThat(meets(answer, phrase)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" does not state \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            // "live" is in no line: the TTL line's "time to live" must stand whole
            "Sessions live on the server.|time to live",
            // "copy" alone is in no line: copying a file is no replica
            "Copy the config file to every server.|replica",
            // "check" alone is in no line, and an entry does not stand across punctuation
            "Check the logs for slow requests.|validate",
            "Security is something every team should check; input from many people helps.|validate input",
            // a single word with another sense is no entry: "lifetime", "leader"
            "A cache is great over the lifetime of a product.|ttl",
            "Both matter to the leader of any database team.|primary",
            // a line's entry must stand as written: "spread" alone is not "spread expiry"
            "Spread the requests over several instances.|spread expiry",
            // "one request" is the single-request line, not the coalescing phrase
            "One request is slow.|one request recomputes",
    })
    void aWordInAnotherSenseOrAnotherLineMeetsNothing(String answer, String phrase) {
        assertThat(meets(answer, phrase)).isFalse();
    }

    @Test
    void aPhraseWithoutAnEntryKeepsItsOwnTerms() {
        assertThat(matcher.equivalentTerms("cannot have all three")).isEqualTo(matcher.terms("cannot have all three"));
    }

    @Test
    void anEntryInAPartLeftOutLendsNothing() {
        String unit = "Unlike keys that get a lifetime, we delete the key on update.";
        assertThat(matcher.equivalents(unit, matcher.terms("we delete the key on update"))).doesNotContain("~ttl");
        assertThat(matcher.equivalents(unit, matcher.terms(unit))).contains("~ttl");
    }

    @Test
    void everyEntryStandsInOneLineOnly() throws IOException {
        List<String> lines;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                KeyPointThesaurus.class.getResourceAsStream(KeyPointThesaurus.RESOURCE), StandardCharsets.UTF_8))) {
            lines = in.lines().toList();
        }
        Map<String, List<Integer>> lineOf = KeyPointThesaurus.analysedEntries(lines, RubricMatcher.NOT_PLURALS);
        assertThat(lineOf).hasSizeGreaterThan(500);
        Map<String, List<Integer>> inSeveral = lineOf.entrySet().stream()
                .filter(e -> e.getValue().stream().distinct().count() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(inSeveral).isEmpty();
    }
}
