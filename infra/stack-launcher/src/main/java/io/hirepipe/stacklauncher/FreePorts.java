package io.hirepipe.stacklauncher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports, so a harness's stack never collides with one someone already runs on the defaults.
 *
 * <p>Each port is handed out once per JVM: a probe socket is closed before the next is opened, and the system may
 * then offer the same port again (a load run once stopped before it began because the gateway and
 * notification-service had both been given the same port).
 *
 * <p>The ports lie below the system's ephemeral range where there is room. A service the fault harness kills and
 * restarts leaves its port idle meanwhile, and an outgoing connection of any process could be given that port as
 * its own ephemeral one (a restarted service of a test stack once found its port taken so). The test stacks' ports
 * (embedded infrastructure's {@code PortCheck}) are chosen the same way; this module carries no dependencies, so it
 * has its own copy of the rule.
 */
public final class FreePorts {

    private static final int ATTEMPTS = 200;
    /** Above the ports local servers use by default (Redis 6379, Kafka 9092, 8080, ...). */
    static final int LOWEST = 20_000;
    private static final Path LINUX_EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A loopback port that was free a moment ago and that no earlier call in this JVM returned. */
    public static int next() {
        int below = ephemeralStart();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int candidate = below - LOWEST >= 1_000 ? ThreadLocalRandom.current().nextInt(LOWEST, below) : 0;
            Integer port = probe(candidate);
            if (port != null && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free loopback port in " + ATTEMPTS + " probes that was not handed out already");
    }

    /** The first port the system may give an outgoing connection, or -1 where that is unknown. */
    static int ephemeralStart() {
        try {
            // not readString: it trusts the file's size, which /proc gives as 0, and returns a cut line (JDK 17)
            return Integer.parseInt(Files.readAllLines(LINUX_EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }

    /** The port bound ({@code port}, or the system's choice for 0), or null when it is taken. */
    private static Integer probe(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return socket.getLocalPort();
        } catch (BindException taken) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
