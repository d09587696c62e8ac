package io.hirepipe.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits until every service answers its readiness probe. Fails fast, naming the service, when one
 * exits during start-up or is not ready within the time limit — it never hangs.
 */
final class HealthWaiter {

    private static final Duration POLL = Duration.ofMillis(500);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;

    HealthWaiter(Duration timeout) {
        this.timeout = timeout;
    }

    void awaitReady(List<ServiceProcess> services, java.util.function.Consumer<String> progress) {
        Instant deadline = Instant.now().plus(timeout);
        List<ServiceProcess> pending = new ArrayList<>(services);
        while (!pending.isEmpty()) {
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.isAlive()) {
                    throw new StackStartException(service.name() + " exited with code " + service.exitCode()
                            + " during start-up. Last lines of " + service.logFile() + ":"
                            + System.lineSeparator() + service.logTail(40));
                }
                if (isReady(service.spec().healthUrl())) {
                    pending.remove(service);
                    progress.accept(service.name() + " is ready on port " + service.spec().port());
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                ServiceProcess first = pending.get(0);
                throw new StackStartException(names(pending) + " did not pass the health check ("
                        + first.spec().healthUrl() + ") within " + timeout.toSeconds() + " s. Last lines of "
                        + first.logFile() + ":" + System.lineSeparator() + first.logTail(40));
            }
            sleep();
        }
    }

    /**
     * With several instances, waits until the gateway reaches every service through its load balancer: the
     * merged API description calls each one that way, so once it is complete, every route has instances.
     */
    void awaitLoadBalanced(URI gateway, java.util.function.Consumer<String> progress) {
        Instant deadline = Instant.now().plus(timeout);
        URI docs = gateway.resolve("/api/docs/openapi.json");
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(docs).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().contains("x-unavailable")) {
                    progress.accept("the gateway reaches every service through its load balancer");
                    return;
                }
            } catch (IOException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackStartException("Interrupted while waiting for the gateway's load balancer", e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackStartException("The gateway's load balancer found no ready instance of some service within "
                        + timeout.toSeconds() + " s (" + docs + " stayed incomplete)");
            }
            sleep();
        }
    }

    private boolean isReady(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("Interrupted while waiting for services to start", e);
        }
    }

    private static String names(List<ServiceProcess> services) {
        return String.join(", ", services.stream().map(ServiceProcess::name).toList());
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("Interrupted while waiting for services to start", e);
        }
    }
}
