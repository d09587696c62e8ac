package io.hirepipe.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.testcontainers.DockerClientFactory;

/**
 * Asks Testcontainers whether a Docker engine is reachable, with a time limit: an engine that accepts the
 * connection but never answers would otherwise stall every test class.
 */
final class DockerDetection {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");

    private DockerDetection() {
    }

    static DockerStatus detect() {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread asking = new Thread(() -> {
            try {
                answer.complete(DockerClientFactory.instance().isDockerAvailable());
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        }, "hirepipe-docker-detection");
        asking.setDaemon(true);
        try (SilencedTestcontainersLogging ignored = SilencedTestcontainersLogging.silence()) {
            asking.start();
            if (answer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return new DockerStatus(true, "Docker at " + DockerClientFactory.instance().getTransportConfig().getDockerHost());
            }
            return new DockerStatus(false, whyNot());
        } catch (TimeoutException e) {
            return new DockerStatus(false, "Docker did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new DockerStatus(false, "Docker check failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DockerStatus(false, "interrupted while looking for Docker");
        }
    }

    /** Testcontainers only says "no"; the usual causes are easy to tell apart and worth naming. */
    private static String whyNot() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return "DOCKER_HOST=" + dockerHost + " does not answer";
        }
        if (Files.exists(DEFAULT_SOCKET)) {
            return DEFAULT_SOCKET + " does not answer";
        }
        return "no " + DEFAULT_SOCKET + " and DOCKER_HOST is not set";
    }
}
