package io.hirepipe.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses connections, as a stopped server's does, and stays the test's until closed.
 *
 * <p>A port found free and left unbound is anybody's: the system hands it out again, as a listening port or as
 * the source port of any outgoing connection on the machine, and a server the test starts there later fails to
 * bind (or a "down" service answers). This one is bound, with SO_REUSEADDR, and never listens: connecting is
 * refused, nothing else can bind it or pick it as a source port, and a server of the test (which binds with
 * SO_REUSEADDR, as the JDK's, Netty's and Tomcat's do on Linux) can still listen on it; close the hold after.
 */
public final class HeldPort implements AutoCloseable {

    private final Socket socket;

    private HeldPort(Socket socket) {
        this.socket = socket;
    }

    /** Holds a port the system picks. */
    public static HeldPort any() {
        return on(0);
    }

    /**
     * Holds {@code port}, just given up by a server of the test.
     *
     * @throws UncheckedIOException when something else took it meanwhile
     */
    public static HeldPort on(int port) {
        Socket socket = new Socket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return new HeldPort(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("Cannot hold loopback port " + port, e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // An unconnected socket has nothing to flush; the port is free either way.
        }
    }
}
