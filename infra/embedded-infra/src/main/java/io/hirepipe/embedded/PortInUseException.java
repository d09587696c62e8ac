package io.hirepipe.embedded;

/**
 * A server could not start because its TCP port is taken. The message says which port, which component
 * and what to do about it, so a person starting the local stack does not have to read a stack trace.
 */
public final class PortInUseException extends IllegalStateException {

    private final String component;
    private final int port;

    public PortInUseException(String component, int port, Throwable cause) {
        super(message(component, port), cause);
        this.component = component;
        this.port = port;
    }

    public PortInUseException(String component, int port) {
        this(component, port, null);
    }

    public String component() {
        return component;
    }

    public int port() {
        return port;
    }

    private static String message(String component, int port) {
        return "Port " + port + " (" + component + ") is already in use: stop whatever holds it or choose another port"
                + " (find the holder with `ss -ltnp 'sport = :" + port + "'` or `lsof -iTCP:" + port
                + " -sTCP:LISTEN`; a previous run that did not shut down cleanly is the usual suspect)";
    }
}
