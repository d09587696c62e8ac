package io.hirepipe.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 keep-alive server with a short idle timeout that loses the race a real server loses
 * now and then: a request arriving on a connection that has been idle past the timeout is met with
 * a close instead of an answer, exactly as when the server's idle timer fires while the request is
 * on the wire. A client that reuses such a connection gets "Connection prematurely closed BEFORE
 * response"; one that drops pooled connections sooner never does.
 */
final class IdleClosingBackend implements AutoCloseable {

    private final ServerSocket listener;
    private final long keepAliveNanos;
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger closedOnArrival = new AtomicInteger();

    private IdleClosingBackend(ServerSocket listener, Duration keepAlive) {
        this.listener = listener;
        this.keepAliveNanos = keepAlive.toNanos();
    }

    static IdleClosingBackend start(Duration keepAlive) {
        try {
            IdleClosingBackend backend = new IdleClosingBackend(
                    new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), keepAlive);
            Thread acceptor = new Thread(backend::accept, "idle-closing-backend");
            acceptor.setDaemon(true);
            acceptor.start();
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    int closedOnArrival() {
        return closedOnArrival.get();
    }

    int answered() {
        return answered.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                Thread worker = new Thread(() -> serve(connection), "idle-closing-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            long idleSince = System.nanoTime();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                if (System.nanoTime() - idleSince > keepAliveNanos) {
                    // The idle timer has fired: the connection goes, the request stays unanswered.
                    closedOnArrival.incrementAndGet();
                    return;
                }
                in.readNBytes(contentLength(head));
                // Invitation redeems find nothing here; everything else is accepted.
                boolean internal = head.startsWith("POST /internal/");
                byte[] body = (internal
                        ? "{\"type\":\"https://hirepipe.io/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"No such invitation.\"}"
                        : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
                out.write(((internal ? "HTTP/1.1 404 Not Found\r\nContent-Type: application/problem+json"
                        : "HTTP/1.1 200 OK\r\nContent-Type: application/json") + "\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                answered.incrementAndGet();
                idleSince = System.nanoTime();
            }
        } catch (IOException gone) {
            // The client closed the connection.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
