package io.hirepipe.gateway.identity;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class SharedLookupsTest {

    private final SharedLookups<String, String> lookups = new SharedLookups<>(Duration.ofMinutes(1), 100);
    private final AtomicInteger storeReads = new AtomicInteger();

    @Test
    void aRequestThatGoesAwayDoesNotFailTheOthersWaitingOnTheSameLookup() {
        Sinks.One<String> store = Sinks.one();
        Function<String, Mono<String>> lookup = counted(key -> store.asMono());

        Disposable leaving = lookups.get("user-1", lookup).subscribe();
        CompletableFuture<String> staying = lookups.get("user-1", lookup).toFuture();
        leaving.dispose();
        store.tryEmitValue("Ada");

        assertThat(staying).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("Ada");
        assertThat(storeReads).hasValue(1);
    }

    @Test
    void anAnswerIsKeptUntilForgotten() {
        Function<String, Mono<String>> lookup = counted(key -> Mono.just("answer " + storeReads.get()));

        assertThat(lookups.get("user-1", lookup).block()).isEqualTo("answer 1");
        assertThat(lookups.get("user-1", lookup).block()).isEqualTo("answer 1");
        lookups.forget("user-1");
        assertThat(lookups.get("user-1", lookup).block()).isEqualTo("answer 2");
        assertThat(lookups.get("user-2", lookup).block()).isEqualTo("answer 3");
    }

    private Function<String, Mono<String>> counted(Function<String, Mono<String>> lookup) {
        return key -> Mono.defer(() -> {
            storeReads.incrementAndGet();
            return lookup.apply(key);
        });
    }
}
