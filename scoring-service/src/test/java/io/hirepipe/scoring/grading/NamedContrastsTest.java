package io.hirepipe.scoring.grading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamedContrastsTest {

    @Test
    void aThingNamedAsAContrastIsLeftOutUpToItsPartsEnd() {
        assertThat(NamedContrasts.cut("Unlike a circuit breaker, a timeout stops a slow call."))
                .isEqualTo(" , a timeout stops a slow call.");
        assertThat(NamedContrasts.cut("A lock, unlike a shorter TTL, lets one request recompute the value"))
                .isEqualTo("A lock,  , lets one request recompute the value");
        assertThat(NamedContrasts.cut("Use a lock as opposed to retries and timeouts."))
                .isEqualTo("Use a lock  .");
    }

    @Test
    void whatTheSentenceSaysAboutTheContrastedThingIsKept() {
        assertThat(NamedContrasts.cut("Unlike SQL databases which scale up, NoSQL stores scale out"))
                .isEqualTo("  which scale up, NoSQL stores scale out");
        assertThat(NamedContrasts.cut("A queue is not unlike a buffer")).isEqualTo("A queue is not unlike a buffer");
    }

    @Test
    void aClauseOfNothingButAContrastStatesNothing() {
        assertThat(NamedContrasts.only("Unlike a circuit breaker")).isTrue();
        assertThat(NamedContrasts.only("Unlike a circuit breaker, a timeout stops a slow call.")).isFalse();
        assertThat(NamedContrasts.only("A timeout stops a slow call.")).isFalse();
    }
}
