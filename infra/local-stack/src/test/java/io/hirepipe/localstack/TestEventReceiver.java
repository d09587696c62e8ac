package io.hirepipe.localstack;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on this machine (the local stack lets webhooks reach loopback over http). It records the
 * webhook-id of each test event ({@code webhook.test}) and answers them with the given statuses in turn, then 204;
 * any other event (the demo organisation's own, from other tests) gets a 204 and is not counted, so it can neither
 * use up an answer nor add to what a test counts.
 */
final class TestEventReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private TestEventReceiver(List<Integer> answers) throws IOException {
        Deque<Integer> left = new ConcurrentLinkedDeque<>(answers);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Integer answer = null;
            if (body.contains("\"webhook.test\"")) {
                received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
                answer = left.poll();
            }
            exchange.sendResponseHeaders(answer == null ? 204 : answer, -1);
            exchange.close();
        });
        server.start();
    }

    static TestEventReceiver answering(Integer... answers) throws IOException {
        return new TestEventReceiver(List.of(answers));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The webhook-id of each test event received, in the order they came. */
    List<String> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
