package io.hirepipe.notification.partner;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Greenhouse's "PATCH Completed Test" endpoint as its public documentation describes it, on loopback
 * (the JDK's HttpServer): {@code PATCH <url from send_test>} with {@code Authorization: Basic
 * base64(<api key>:)} and no body; the answer is a status code only. A request of another shape is
 * answered 400 and recorded as a violation, so a test sees both what arrived and what was wrong.
 */
final class GreenhouseStub implements AutoCloseable {

    static final String PATH = "/integrations/testing_partners/take_home_tests/";

    record Request(String method, String path, String authorization, String body, List<String> violations) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final String expectedKey;
    private volatile IntFunction<Integer> script = n -> 200;

    GreenhouseStub(String expectedKey) throws IOException {
        this.expectedKey = expectedKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    authorization, body, violations(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    authorization, body));
            requests.add(request);
            int status = request.violations().isEmpty() ? script.apply(count.incrementAndGet()) : 400;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    private List<String> violations(String method, String path, String authorization, String body) {
        List<String> violations = new ArrayList<>();
        if (!"PATCH".equals(method)) {
            violations.add("method " + method + ", not PATCH");
        }
        if (!path.startsWith(PATH)) {
            violations.add("path " + path + " is not the url given in send_test");
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((expectedKey + ":")
                .getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(authorization)) {
            violations.add("Authorization is not HTTP Basic with the API key as user name and an empty password");
        }
        if (!body.isEmpty()) {
            violations.add("a body was sent; the documented request has none");
        }
        return violations;
    }

    /** The status for the n-th well-formed request (1-based). */
    void answer(IntFunction<Integer> script) {
        this.script = script;
    }

    /** The callback {@code url} Greenhouse would give in {@code send_test} for a take-home test. */
    String callbackUrl(String testInstance) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH + testInstance;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
