package io.hirepipe.faults;

import io.hirepipe.stacklauncher.LocalStackProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local stack the faults hit, with its fault control: the broker, the SMTP listener and Redis live in
 * the stack's JVM, the services are its children, and everything the harness breaks it breaks through that
 * control. Started by the harness (ports of its own, 18080…, so it does not meet a stack someone runs on the
 * defaults) or attached to the one {@code infra/smoke.sh} started for both smokes.
 */
final class StackUnderTest implements AutoCloseable {

    private static final Map<String, Integer> PORTS = Map.ofEntries(Map.entry("gateway", 18080),
            Map.entry("question", 18081), Map.entry("assessment", 18082), Map.entry("scoring", 18083),
            Map.entry("notification", 18084), Map.entry("kafka", 19092), Map.entry("control", 18099),
            Map.entry("mongo", 27117), Map.entry("redis", 16379), Map.entry("smtp", 12525), Map.entry("mail", 18025),
            Map.entry("gateway-management", 19180), Map.entry("prometheus", 19090));

    private final LocalStackProcess stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StackUnderTest(LocalStackProcess stack) {
        if (!stack.has("control")) {
            throw new IllegalStateException("the stack runs without its fault control (--control-port)");
        }
        this.stack = stack;
    }

    static StackUnderTest start(Path repo, int instances, Duration startTimeout) {
        return new StackUnderTest(LocalStackProcess.start(new LocalStackProcess.Options(repo,
                repo.resolve("target/fault-stack"), repo.resolve("target/fault-stack-" + instances + ".log"), PORTS,
                instances,
                // quick starts and modest heaps: up to nine service JVMs share 2 cores (this measures losses, not speed)
                "-Xms64m -Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1", "-Xmx512m -XX:+UseSerialGC", List.of(),
                // the gateway's documented load profile: limits so high that only faults refuse requests; a machine
                // shared with other work can take more than the default 10 s on a first, cold call (losses, not latency)
                Map.of("SPRING_PROFILES_ACTIVE", "perf", "HIREPIPE_DOWNSTREAM_TIME_LIMIT", "30s"), startTimeout)));
    }

    URI gateway() {
        return URI.create(stack.url("gateway"));
    }

    int instances() {
        return stack.instances();
    }

    boolean shared() {
        return !stack.owned();
    }

    String kafkaBootstrap() {
        return stack.kafkaBootstrap();
    }

    int port(String name) {
        return stack.port(name);
    }

    /** A service instance's metrics, asked directly on its port. */
    URI metrics(String service) {
        return URI.create(stack.url(service) + "/actuator/prometheus");
    }

    /** A fault control command, e.g. {@code /kafka/stop} or {@code /services/scoring-service/kill}. */
    String control(String command) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(controlUri(command))
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("control " + command + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().trim();
    }

    /** Every message the SMTP sink received: recipients and subject. */
    List<Mail> mail() {
        String body = send(HttpRequest.newBuilder(controlUri("/mail")).timeout(Duration.ofSeconds(30)).GET().build()).body();
        List<Mail> mails = new ArrayList<>();
        for (String line : body.split("\n")) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3) {
                mails.add(new Mail(parts[0], parts[1], parts[2]));
            }
        }
        return mails;
    }

    record Mail(String id, String to, String subject) {
    }

    private URI controlUri(String command) {
        return URI.create(stack.url("control") + command);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("fault control: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops a stack the harness started; one it attached to is left to its starter. */
    @Override
    public void close() {
        stack.close();
    }

    static void sleep(Duration duration) {
        LocalStackProcess.sleep(duration);
    }
}
