package io.hirepipe.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small web page for reading the mail an {@link SmtpSink} received, meant for people running the demo:
 * <ul>
 *   <li>{@code GET /} the messages, newest first</li>
 *   <li>{@code GET /messages/{id}} one message (its HTML body in a sandboxed frame, else its text body)</li>
 *   <li>{@code GET /messages/{id}/raw} the message source</li>
 *   <li>{@code GET /api/messages} the messages as JSON, newest first</li>
 *   <li>{@code DELETE /api/messages} forget all messages</li>
 * </ul>
 * It listens on 127.0.0.1 only and has no authentication: it is a development tool.
 */
public final class MailViewer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailViewer.class);

    private static final Pattern MESSAGE_PATH = Pattern.compile("/messages/(\\d{1,18})(/raw)?");
    private static final String PAGE_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final HttpServer server;
    private final ExecutorService executor;
    private final SmtpSink sink;
    private final JsonMapper json = JsonMapper.builder().build();

    private MailViewer(HttpServer server, ExecutorService executor, SmtpSink sink) {
        this.server = server;
        this.executor = executor;
        this.sink = sink;
    }

    /**
     * @param httpPort the HTTP port on 127.0.0.1, or 0 for any free port
     * @param sink     the SMTP sink whose messages to show
     * @throws PortInUseException when the port is taken
     */
    public static MailViewer start(int httpPort, SmtpSink sink) {
        PortCheck.requireFree("Mail viewer", httpPort);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(PortCheck.loopback(), httpPort), 0);
        } catch (BindException taken) {
            throw new PortInUseException("Mail viewer", httpPort, taken);
        } catch (IOException e) {
            throw new UncheckedIOException("Mail viewer did not start", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mail-viewer");
            thread.setDaemon(true);
            return thread;
        });
        MailViewer viewer = new MailViewer(server, executor, sink);
        server.createContext("/", viewer::handle);
        server.setExecutor(executor);
        server.start();
        log.info("Mail viewer at {}", viewer.url());
        return viewer;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** For example {@code http://127.0.0.1:8025/}. */
    public URI url() {
        return URI.create("http://" + PortCheck.LOOPBACK + ":" + port() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            route(exchange);
        } catch (RuntimeException e) {
            log.warn("Mail viewer failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            sendText(exchange, 500, "Internal error");
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/")) {
            if (allow(exchange, "GET")) {
                sendHtml(exchange, 200, MailViewerPages.inbox(newestFirst(), sink.port(), port()));
            }
        } else if (path.equals("/api/messages")) {
            if (method.equals("DELETE")) {
                sink.reset();
                exchange.sendResponseHeaders(204, -1);
            } else if (allow(exchange, "GET, DELETE")) {
                sendJson(exchange, newestFirst().stream().map(MailJson::of).toList());
            }
        } else {
            Matcher matcher = MESSAGE_PATH.matcher(path);
            if (!matcher.matches()) {
                sendText(exchange, 404, "Not found");
                return;
            }
            if (!allow(exchange, "GET")) {
                return;
            }
            Optional<ReceivedMail> mail = sink.message(matcher.group(1));
            if (mail.isEmpty()) {
                sendText(exchange, 404, "No such message");
            } else if (matcher.group(2) != null) {
                sendText(exchange, 200, mail.get().rawEml());
            } else {
                sendHtml(exchange, 200, MailViewerPages.message(mail.get()));
            }
        }
    }

    /** True for GET and HEAD; otherwise answers 405 with {@code allowed} in the Allow header and returns false. */
    private static boolean allow(HttpExchange exchange, String allowed) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", allowed);
        sendText(exchange, 405, "Method not allowed");
        return false;
    }

    private List<ReceivedMail> newestFirst() {
        List<ReceivedMail> mails = new ArrayList<>(sink.messages());
        Collections.reverse(mails);
        return mails;
    }

    private void sendJson(HttpExchange exchange, Object body) throws IOException {
        send(exchange, 200, "application/json", json.writeValueAsBytes(body));
    }

    private static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", PAGE_SECURITY_POLICY);
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        // stops browsers from guessing HTML in raw message text
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The JSON shape of a message; the raw source is left out to keep the list small. */
    record MailJson(String id, String from, List<String> to, String subject, Instant receivedAt,
                    String text, String html) {

        static MailJson of(ReceivedMail mail) {
            return new MailJson(mail.id(), mail.from(), mail.to(), mail.subject(), mail.receivedAt(),
                    mail.textBody(), mail.htmlBody());
        }
    }
}
