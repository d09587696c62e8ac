package io.hirepipe.embedded;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Ports a test may take that the system never hands to an outgoing connection. */
record PortRange(int from, int toExclusive) {

    /** Above the registered ports most local servers use by default (Redis 6379, Kafka 9092, 8080, ...). */
    static final int LOWEST = 20_000;
    private static final Path LINUX_EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int ATTEMPTS = 200;

    /** The ports between {@link #LOWEST} and the start of the ephemeral range, or null where that is unknown or small. */
    static PortRange belowEphemeral() {
        return belowEphemeral(readEphemeralStart());
    }

    static PortRange belowEphemeral(int ephemeralStart) {
        return ephemeralStart - LOWEST >= 1_000 ? new PortRange(LOWEST, ephemeralStart) : null;
    }

    /** A server socket bound on the loopback interface to a random free port of this range. */
    ServerSocket bindAny() throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(from, toExclusive);
            ServerSocket probe = new ServerSocket();
            try {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(PortCheck.loopback(), port), 1);
                return probe;
            } catch (BindException taken) {
                probe.close();
            } catch (IOException | RuntimeException failed) {
                probe.close();
                throw failed;
            }
        }
        throw new BindException("No free port among " + ATTEMPTS + " random tries in " + from + "-" + (toExclusive - 1));
    }

    private static int readEphemeralStart() {
        try {
            // not readString: it trusts the file's size, and /proc reports 0 and returns a cut line (JDK 17)
            String[] bounds = Files.readAllLines(LINUX_EPHEMERAL_RANGE).get(0).trim().split("\\s+");
            return Integer.parseInt(bounds[0]);
        } catch (IOException | RuntimeException unknown) {
            return -1;
        }
    }
}
