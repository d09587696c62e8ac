package io.hirepipe.testkit;

import java.util.function.Supplier;

/** A value created on first use, at most once, even when test classes run in parallel. */
final class Lazy<T> {

    private final Supplier<T> factory;
    private T value;

    private Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    static <T> Lazy<T> of(Supplier<T> factory) {
        return new Lazy<>(factory);
    }

    synchronized T get() {
        if (value == null) {
            value = factory.get();
        }
        return value;
    }
}
