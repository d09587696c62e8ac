package io.hirepipe.perf;

import io.hirepipe.stacklauncher.FreePorts;
import io.hirepipe.stacklauncher.LocalStackProcess;
import io.hirepipe.stacklauncher.SharedStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second gateway beside the stack's, with the same keys and database, for comparisons the stack's own
 * gateway cannot make: with limits and breakers switched off (P3), or routed to a slow stub backend (P2).
 */
final class ExtraGateway implements AutoCloseable {

    private final Process process;
    private final int port;

    private ExtraGateway(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param questionServiceUrl where {@code /api/v1/questions/**} goes
     * @param limitsAndBreakers  false switches rate limits, breakers, time limits and retries off
     */
    static ExtraGateway start(Path repo, LocalStackProcess stack, String jvmOptions, String questionServiceUrl,
                              boolean limitsAndBreakers, Path log) {
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(LocalStackProcess.javaBinary()));
        command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        command.addAll(List.of("-jar", repo.resolve("gateway/target/gateway.jar").toString(),
                "--server.port=" + port, "--management.server.port=" + FreePorts.next(), "--spring.profiles.active=perf",
                "--spring.output.ansi.enabled=never", "--spring.mongodb.uri=" + stack.mongoUri(),
                "--hirepipe.gateway.services.question-service=" + questionServiceUrl,
                "--hirepipe.gateway.services.assessment-service=http://127.0.0.1:" + stack.port("assessment"),
                "--hirepipe.gateway.services.scoring-service=http://127.0.0.1:" + stack.port("scoring"),
                "--hirepipe.gateway.services.notification-service=http://127.0.0.1:" + stack.port("notification"),
                "--hirepipe.bootstrap.tenant-id=demo", "--hirepipe.bootstrap.tenant-name=Demo Company",
                "--hirepipe.bootstrap.recruiter-email=" + PerfRun.RECRUITER_EMAIL));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "HIREPIPE_GATEWAY_INTERNAL_SIGNING_KEYS", stack.secret("gateway-internal-signing-keys"),
                "HIREPIPE_GATEWAY_JWT_SECRET", stack.secret("gateway-jwt-secret"),
                "HIREPIPE_BOOTSTRAP_RECRUITER_PASSWORD", PerfRun.RECRUITER_PASSWORD,
                "HIREPIPE_RATE_LIMITS_ENABLED", Boolean.toString(limitsAndBreakers),
                "HIREPIPE_RESILIENCE_ENABLED", Boolean.toString(limitsAndBreakers),
                "HIREPIPE_DOWNSTREAM_TIME_LIMIT", SharedStack.DOWNSTREAM_TIME_LIMIT));
        try {
            return new ExtraGateway(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a gateway", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void awaitReady(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Api api = new Api(url());
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("A gateway for the comparison exited (" + process.exitValue() + ")");
            }
            if (api.once("/readyz").status() == 200) {
                return;
            }
            LocalStackProcess.sleep(java.time.Duration.ofMillis(500));
        }
        throw new IllegalStateException("A gateway for the comparison was not ready in time");
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
