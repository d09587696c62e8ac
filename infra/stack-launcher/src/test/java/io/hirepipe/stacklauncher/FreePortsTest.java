package io.hirepipe.stacklauncher;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FreePortsTest {

    /** Probing port 0 a few hundred times here offers some port twice; a stack needs a dozen distinct ones. */
    @Test
    void neverHandsOutTheSamePortTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertThat(ports.add(FreePorts.next())).as("call %d", i).isTrue();
        }
    }

    @Test
    void noPortIsOneTheSystemCouldGiveAnOutgoingConnection() {
        int ephemeralStart = FreePorts.ephemeralStart();
        assumeTrue(ephemeralStart - FreePorts.LOWEST >= 1_000, "no room below the ephemeral range here");

        for (int i = 0; i < 50; i++) {
            assertThat(FreePorts.next()).isGreaterThanOrEqualTo(FreePorts.LOWEST).isLessThan(ephemeralStart);
        }
    }

    @Test
    void everyResolvedPortOfAStackIsItsOwn() {
        LocalStackProcess.Options options = new LocalStackProcess.Options(null, null, null,
                Map.of("gateway", 18080), 1, "", "-Xmx256m", List.of(), Map.of(), Duration.ofSeconds(1));
        for (int i = 0; i < 50; i++) {
            Map<String, Integer> resolved = options.resolvedPorts();
            assertThat(new HashSet<>(resolved.values())).hasSameSizeAs(resolved.values());
        }
    }
}
