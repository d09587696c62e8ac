package io.hirepipe.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Port checks done before a server starts, so that a taken port produces one clear message instead of
 * whatever each server library throws (Netty, Kafka and redis-server all fail differently).
 */
public final class PortCheck {

    /** Every embedded server binds the loopback interface only: nothing here is meant to be reachable from outside. */
    public static final String LOOPBACK = "127.0.0.1";

    private PortCheck() {
    }

    /**
     * Throws {@link PortInUseException} when nothing can listen on {@code port} of the loopback interface.
     * Port 0 (any free port) always passes.
     *
     * @param what the component that wants the port, used in the message, e.g. "Kafka"
     */
    public static void requireFree(String what, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port " + port + " (" + what + ") is not a valid TCP port");
        }
        if (port == 0) {
            return;
        }
        // SO_REUSEADDR on, as every server we start binds (Tomcat, Reactor Netty, Kafka, Redis, the JDK's
        // sockets on Linux): connections of a stack that just stopped linger in TIME_WAIT, and must not make
        // a restart report the port as taken. A port someone listens on still fails to bind.
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(loopback(), port));
        } catch (BindException taken) {
            throw new PortInUseException(what, port, taken);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check whether port " + port + " (" + what + ") is free", e);
        }
    }

    /** A port that was free a moment ago on the loopback interface. Another process may still take it first. */
    public static int freePort() {
        return freePorts(1)[0];
    }

    /**
     * {@code count} different ports that were free a moment ago. Asking {@link #freePort()} {@code count} times
     * is not the same: each probe closes before the next, and the system may hand the same port out twice.
     *
     * <p>The ports lie below the system's ephemeral range where there is room: a server that restarts on its
     * port leaves it idle for a moment, and an outgoing connection of any process could be given an ephemeral
     * port just then (it happened in CI: a restarted service found its port taken by a client socket).
     */
    public static int[] freePorts(int count) {
        ServerSocket[] probes = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            PortRange range = PortRange.belowEphemeral();
            for (int i = 0; i < count; i++) {
                probes[i] = range == null ? new ServerSocket(0, 1, loopback()) : range.bindAny();
                ports[i] = probes[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find " + count + " free TCP ports", e);
        } finally {
            for (ServerSocket probe : probes) {
                closeQuietly(probe);
            }
        }
    }

    private static void closeQuietly(ServerSocket probe) {
        if (probe == null) {
            return;
        }
        try {
            probe.close();
        } catch (IOException ignored) {
            // A probe that will not close leaves a port taken; the server that wants it reports that itself.
        }
    }

    /** True when nothing listens on {@code port} of the loopback interface right now. */
    static boolean isFree(int port) {
        try {
            requireFree("probe", port);
            return true;
        } catch (PortInUseException e) {
            return false;
        }
    }

    /** True when {@code failure} or one of its causes is a failed bind, i.e. somebody took the port after the check. */
    static boolean isBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.toLowerCase().contains("address already in use")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static InetAddress loopback() {
        try {
            return InetAddress.getByName(LOOPBACK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
