package io.hirepipe.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local stack as a process of its own ({@code java -jar local-stack.jar}), on ports of its own so it
 * does not meet a stack someone runs on the defaults, with a fresh data directory, the gateway's
 * {@code perf} limit profile and its fault control. Everything the harness breaks, it breaks through
 * that control: the broker, the SMTP listener and Redis live in the stack's JVM, the services are its
 * children.
 */
final class StackUnderTest implements AutoCloseable {

    static final int GATEWAY = 18080;
    static final int QUESTION = 18081;
    static final int ASSESSMENT = 18082;
    static final int SCORING = 18083;
    static final int NOTIFICATION = 18084;
    static final int KAFKA = 19092;
    static final int CONTROL = 18099;

    private final Process process;
    private final Path log;
    private final int instances;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StackUnderTest(Process process, Path log, int instances) {
        this.process = process;
        this.log = log;
        this.instances = instances;
    }

    static StackUnderTest start(Path repo, int instances, Duration startTimeout) {
        Path dataDir = repo.resolve("target/fault-stack");
        deleteRecursively(dataDir);
        Path jar = repo.resolve("infra/local-stack/target/local-stack.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -B -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-Dhirepipe.repo-dir=" + repo, "-jar", jar.toString(),
                "--data-dir=" + dataDir, "--instances=" + instances, "--control-port=" + CONTROL,
                "--gateway-port=" + GATEWAY, "--question-port=" + QUESTION, "--assessment-port=" + ASSESSMENT,
                "--scoring-port=" + SCORING, "--notification-port=" + NOTIFICATION, "--kafka-port=" + KAFKA,
                "--mongo-port=27117", "--redis-port=16379", "--smtp-port=12525", "--mail-port=18025",
                "--gateway-management-port=19180", "--prometheus-port=19090",
                "--health-timeout=" + startTimeout.toSeconds(), "--seed-demo=false",
                // quick starts and modest heaps: up to nine service JVMs share 2 cores (this measures losses, not speed)
                "--service-jvm-options=-Xms64m -Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
        try {
            Files.createDirectories(repo.resolve("target"));
            Path log = repo.resolve("target/fault-stack-" + instances + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            // the gateway's documented load profile: limits so high that only faults refuse requests
            builder.environment().put("SPRING_PROFILES_ACTIVE", "perf");
            // a machine shared with other work can take more than the default 10 s on a first, cold call;
            // this harness counts losses, not latency
            builder.environment().put("HIREPIPE_DOWNSTREAM_TIME_LIMIT", "30s");
            StackUnderTest stack = new StackUnderTest(builder.start(), log, instances);
            // stopped however this JVM ends, also while the stack is still starting (then it has no hook of its own)
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-stack"));
            stack.awaitControl(startTimeout.plusSeconds(60));
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI gateway() {
        return URI.create("http://127.0.0.1:" + GATEWAY);
    }

    int instances() {
        return instances;
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + KAFKA;
    }

    /** Readiness of one service instance, asked directly on its port. */
    URI metrics(int port) {
        return URI.create("http://127.0.0.1:" + port + "/actuator/prometheus");
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
        return URI.create("http://127.0.0.1:" + CONTROL + command);
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

    private void awaitControl(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the local stack exited with " + process.exitValue() + "; see " + log);
            }
            try {
                http.send(HttpRequest.newBuilder(controlUri("/services")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                sleep(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the local stack did not start within " + timeout + "; see " + log);
    }

    /** SIGTERM: the stack stops its services and infrastructure; anything left after that is killed. */
    @Override
    public synchronized void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
