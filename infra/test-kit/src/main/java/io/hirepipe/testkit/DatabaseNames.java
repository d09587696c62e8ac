package io.hirepipe.testkit;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Database names such as {@code it-3-9f2c41d0}: the counter orders them for a person reading logs, the random
 * part keeps forks and re-runs against a long-lived server apart.
 */
final class DatabaseNames {

    private static final AtomicInteger counter = new AtomicInteger();

    private DatabaseNames() {
    }

    static String next() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return "it-" + counter.incrementAndGet() + "-" + HexFormat.of().formatHex(random);
    }
}
