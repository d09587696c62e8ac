package io.hirepipe.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One running service JVM whose output goes to its own log file. */
final class ServiceProcess implements AutoCloseable {

    private final ServiceSpec spec;
    /** Replaced by {@link #restart()} after a kill. */
    private volatile Process process;
    private final Path logFile;
    /** The class data sharing archive this JVM writes when it stops, if it records one. */
    private final Optional<ClassDataSharing.Recording> recording;

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile, Optional<ClassDataSharing.Recording> recording) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
        this.recording = recording;
    }

    static ServiceProcess launch(ServiceSpec spec, Path logsDir) {
        return launch(spec, logsDir, Optional.empty());
    }

    static ServiceProcess launch(ServiceSpec spec, Path logsDir, Optional<ClassDataSharing.Recording> recording) {
        try {
            Files.createDirectories(logsDir);
            Path logFile = logsDir.resolve(spec.name() + ".log");
            return new ServiceProcess(spec, start(spec, ProcessBuilder.Redirect.to(logFile.toFile())), logFile, recording);
        } catch (IOException e) {
            throw new StackStartException("Could not launch " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    private static Process start(ServiceSpec spec, ProcessBuilder.Redirect output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(spec.command())
                .redirectErrorStream(true)
                .redirectOutput(output);
        builder.environment().putAll(spec.environment());
        return builder.start();
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or deregistered (a fault, for the fault harness). */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the service again after it died or was killed, appending to its log; nothing while it runs. */
    synchronized void restart() {
        if (process.isAlive()) {
            return;
        }
        try {
            process = start(spec, ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        } catch (IOException e) {
            throw new StackStartException("Could not restart " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    ServiceSpec spec() {
        return spec;
    }

    String name() {
        return spec.name();
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** The end of the log, for the message that explains a failed start. */
    String logTail(int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "(no log output)";
            }
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Asks the JVM to stop (SIGTERM: its shutdown hooks run) without waiting, so that the stack can stop all its
     * services at once; {@link #close()} then waits for it.
     */
    void requestStop() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /**
     * Asks the JVM to stop (its shutdown hooks run), and forces it after a grace period: longer when it writes
     * its class data sharing archive on the way out.
     */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            // a recording JVM writes its archive while the other services stop (and write theirs) too: on two busy
            // cores that took over 60 s, and a forced stop loses the archive
            Duration grace = recording.isPresent() ? Duration.ofSeconds(120) : Duration.ofSeconds(15);
            try {
                if (!process.waitFor(grace.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (!process.isAlive()) {
            recording.ifPresent(r -> r.keep(process.exitValue()));
        }
    }
}
