package io.hirepipe.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hirepipe.embedded.PortCheck;
import io.hirepipe.embedded.PortInUseException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Real faults on demand for the fault harness ({@code ./infra/faults/run.sh}): a loopback-only HTTP port,
 * opened only with {@code --control-port}, that stops and starts the embedded Kafka broker, the SMTP
 * listener and Redis, flushes Redis, and kills ({@code kill -9}) or restarts a service instance. It is a
 * local-stack tool: no deployment has it.
 *
 * <pre>
 * POST /kafka/stop | /kafka/start        POST /smtp/stop | /smtp/start
 * POST /redis/stop | /redis/start | /redis/flushall
 * POST /services/{name}/kill             kill -9 (name: scoring-service, scoring-service-2, …)
 * POST /services/{name}/start            starts it again and answers once it is ready
 * GET  /services                         name port pid alive, one per line
 * GET  /mail                             id TAB recipients TAB subject, one line per message received
 * </pre>
 */
final class StackControl implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final LocalStack stack;

    private StackControl(HttpServer server, ExecutorService executor, LocalStack stack) {
        this.server = server;
        this.executor = executor;
        this.stack = stack;
    }

    static StackControl start(int port, LocalStack stack) {
        PortCheck.requireFree("fault control", port);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(PortCheck.LOOPBACK, port), 16);
        } catch (IOException e) {
            throw new PortInUseException("fault control", port, e);
        }
        // a restart waits for readiness; other commands must not queue behind it
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stack-control");
            thread.setDaemon(true);
            return thread;
        });
        StackControl control = new StackControl(server, executor, stack);
        server.createContext("/", control::handle);
        server.setExecutor(executor);
        server.start();
        return control;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int status = 200;
        String body;
        try {
            body = answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
        } catch (IllegalArgumentException e) {
            status = 404;
            body = e.getMessage() + "\n";
        } catch (RuntimeException e) {
            status = 500;
            body = e + "\n";
        }
        try (exchange) {
            send(exchange, status, body);
        }
    }

    private String answer(String method, String path) {
        if ("GET".equals(method) && "/services".equals(path)) {
            return stack.services().stream()
                    .map(s -> s.name() + " " + s.spec().port() + " " + s.pid() + " " + (s.isAlive() ? "alive" : "dead") + "\n")
                    .collect(Collectors.joining());
        }
        if ("GET".equals(method) && "/mail".equals(path)) {
            return stack.mail().messages().stream()
                    .map(m -> m.id() + "\t" + String.join(",", m.to()) + "\t" + m.subject().replaceAll("[\\t\\r\\n]", " ") + "\n")
                    .collect(Collectors.joining());
        }
        if ("POST".equals(method)) {
            return command(path) + "\n";
        }
        throw new IllegalArgumentException("unknown: " + method + " " + path);
    }

    private String command(String path) {
        switch (path) {
            case "/kafka/stop" -> stack.kafka().stopBroker();
            case "/kafka/start" -> stack.kafka().startBroker();
            case "/smtp/stop" -> stack.mail().stopListening();
            case "/smtp/start" -> stack.mail().startListening();
            case "/redis/stop" -> stack.redis().stop();
            case "/redis/start" -> stack.redis().startAgain();
            case "/redis/flushall" -> stack.redis().flushAll();
            default -> {
                return serviceCommand(path);
            }
        }
        return "done: " + path;
    }

    private String serviceCommand(String path) {
        List<String> parts = List.of(path.split("/"));
        if (parts.size() != 4 || !"services".equals(parts.get(1))) {
            throw new IllegalArgumentException("unknown command " + path);
        }
        ServiceProcess service = find(parts.get(2))
                .orElseThrow(() -> new IllegalArgumentException("no service instance named " + parts.get(2)));
        switch (parts.get(3)) {
            case "kill" -> {
                long pid = service.pid();
                service.kill();
                return "killed " + service.name() + " (pid " + pid + ", kill -9)";
            }
            case "start" -> {
                service.restart();
                stack.awaitReady(service);
                return "started " + service.name() + " (pid " + service.pid() + "), ready";
            }
            default -> throw new IllegalArgumentException("unknown service command " + parts.get(3));
        }
    }

    private Optional<ServiceProcess> find(String name) {
        return stack.services().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
