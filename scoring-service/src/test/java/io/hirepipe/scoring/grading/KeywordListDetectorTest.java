package io.hirepipe.scoring.grading;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordListDetectorTest {

    private static final RubricMatcher matcher = new RubricMatcher();
    private static final KeywordListDetector detector = new KeywordListDetector(matcher);
    private static final List<String> PHRASES = List.of("time to live", "ttl", "cache aside", "invalidate", "evict",
            "stampede", "thundering herd", "write through", "lru");

    @AfterAll
    static void close() {
        matcher.close();
    }

    private static KeywordListDetector.Signals inspect(String answer) {
        Set<String> terms = new HashSet<>();
        PHRASES.forEach(p -> terms.addAll(matcher.terms(p)));
        return detector.inspect(answer, PHRASES, terms);
    }

    private static boolean isList(String answer) {
        return inspect(answer).isKeywordList(6, 0.5, 0.12, 0.7);
    }

    @Test
    void aCommaSeparatedListOfRubricTermsIsAKeywordList() {
        assertThat(isList("cache aside, write through, ttl, time to live, invalidate, evict, stampede, lru")).isTrue();
    }

    @Test
    void theSmallWordsInsideARubricPhraseDoNotCountAsGrammar() {
        assertThat(inspect("ttl, time to live, evict, lru, stampede, write through").functionWordShare()).isZero();
    }

    @Test
    void aListDressedUpWithLabelsIsStillAKeywordList() {
        assertThat(isList("Caching: cache-aside write-through. Expiry: TTL. Problems: thundering herd stampede LRU.")).isTrue();
    }

    @Test
    void aTerseExplanationIsNot() {
        assertThat(isList("Cache-aside, a TTL on the entries, and evict the key whenever the row is updated.")).isFalse();
    }

    @Test
    void aListThatOpensASentenceWhichThenExplainsItIsNot() {
        assertThat(isList("Cache-aside with a TTL. On every write we invalidate the key, so the next read loads "
                + "the fresh row, and a lock stops a stampede when a hot key expires.")).isFalse();
    }

    @Test
    void aShortAnswerIsNeverCalledAList() {
        assertThat(isList("TTL, evict")).isFalse();
    }

    @Test
    void aBareRunOfTermsHasNoStructure() {
        assertThat(inspect("cache aside, write through, ttl, time to live, invalidate, evict, stampede, lru").structured())
                .isFalse();
        assertThat(inspect("https tls jwt oauth authentication token input validation rate limit cors").structured())
                .isFalse();
    }

    @Test
    void labelsOrSeveralSentencesGroupAList() {
        assertThat(inspect("Caching: cache-aside write-through ttl evict").structured()).isTrue();
        assertThat(inspect("REST - resources, stateless. GraphQL - fields, single request").structured()).isTrue();
        assertThat(inspect("Replication primary replicas copy failover. Sharding shard key split data").structured()).isTrue();
        assertThat(inspect("CAP = consistency availability partition tolerance").structured()).isTrue();
    }

    @Test
    void aUrlIsNoLabel() {
        assertThat(inspect("see https://example.com cache aside ttl evict lru stampede").structured()).isFalse();
    }
}
