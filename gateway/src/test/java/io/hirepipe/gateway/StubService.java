package io.hirepipe.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server standing in for one downstream service: it records every request it gets
 * (headers included) and answers 200 JSON unless a path is told to answer otherwise.
 */
final class StubService {

    record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    record Reply(int status, String contentType, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }

        static Reply problem(int status, String body) {
            return new Reply(status, "application/problem+json", body);
        }
    }

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Received, Reply>> replies = new ConcurrentHashMap<>();

    private StubService(String name, HttpServer server) {
        this.name = name;
        this.server = server;
    }

    static StubService start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StubService stub = new StubService(name, server);
            server.createContext("/", stub::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "stub-" + name);
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start stub " + name, e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void reply(String path, Function<Received, Reply> reply) {
        replies.put(path, reply);
    }

    List<Received> requestsTo(String path) {
        List<Received> matching = new ArrayList<>();
        for (Received request : received) {
            if (request.path().equals(path)) {
                matching.add(request);
            }
        }
        return matching;
    }

    Received lastRequestTo(String path) {
        List<Received> matching = requestsTo(path);
        if (matching.isEmpty()) {
            throw new AssertionError(name + " received no request for " + path + "; got " + received);
        }
        return matching.get(matching.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((key, values) -> headers.put(key, List.copyOf(values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body);
            received.add(request);
            Reply reply = replies.getOrDefault(request.path(), r -> Reply.json(200,
                    "{\"service\":\"" + name + "\",\"path\":\"" + r.path() + "\"}")).apply(request);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }
}
