package io.hirepipe.gateway.identity;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.function.Function;

/**
 * Answers of a lookup kept for a while, one lookup per key at a time: requests that ask while it runs share
 * it. A request that goes away (its client disconnected) must not cancel that shared lookup, or every other
 * request waiting on it fails; the load run saw exactly that as 500s when wrk closed its connections.
 */
final class SharedLookups<K, V> {

    private final AsyncCache<K, V> answers;

    SharedLookups(Duration keepFor, long maximumSize) {
        this.answers = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(maximumSize).buildAsync();
    }

    /** The kept answer for {@code key}, or the one {@code lookup} gives (shared by everyone asking meanwhile). */
    Mono<V> get(K key, Function<K, Mono<V>> lookup) {
        return Mono.fromFuture(answers.get(key, (k, executor) -> lookup.apply(k).toFuture()), true);
    }

    void forget(K key) {
        answers.synchronous().invalidate(key);
    }

    void forgetAll() {
        answers.synchronous().invalidateAll();
    }
}
