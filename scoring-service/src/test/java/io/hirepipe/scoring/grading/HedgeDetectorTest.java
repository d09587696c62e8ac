package io.hirepipe.scoring.grading;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HedgeDetectorTest {

    private final HedgeDetector hedges = new HedgeDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "I think JWT might be better for APIs",
            "Maybe use LIMIT and OFFSET?",
            "Probably it's a thundering herd thing?",
            "I guess the problem could be that the save works and the send fails",
            "perhaps by making the tokens expire quickly",
            "I'm not sure how you'd do that",
            "though I'm not 100% sure that is enough",
            "If I remember correctly the outbox is read by a relay",
            "I'd say a circuit breaker",
            "Sharding splits the table by a shard key, or so I've read, never used it",
            "A lock fixes it, or so I have heard"})
    void tentativeClaimsAreHedged(String sentence) {
        assertThat(hedges.isHedged(sentence)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "At the loosest setting you might read another transaction's uncommitted changes",
            "every node answering, possibly with old data",
            "A retry could send the payment twice, so the server keeps the idempotency key",
            "Use keyset pagination: WHERE created_at < ? ORDER BY created_at DESC LIMIT 20",
            "It is thinkable but wasteful",
            "I've read the docs, so I know the replicas lag"})
    void plainClaimsAreNot(String sentence) {
        assertThat(hedges.isHedged(sentence)).isFalse();
    }
}
