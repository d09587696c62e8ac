package io.hirepipe.localstack;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A loopback web site that answers every path with one HTML page: what a browser-harness test looks at. */
final class OnePageSite implements AutoCloseable {

    private final HttpServer server;

    private OnePageSite(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code html}, with {@code headers} added to every answer (a {@code Set-Cookie}, say). */
    static OnePageSite serving(String html, Map<String, String> headers) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = html.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                headers.forEach(exchange.getResponseHeaders()::add);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new OnePageSite(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
