package io.hirepipe.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One running service JVM whose output goes to its own log file. */
final class ServiceProcess implements AutoCloseable {

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
    }

    static ServiceProcess launch(ServiceSpec spec, Path logsDir) {
        try {
            Files.createDirectories(logsDir);
            Path logFile = logsDir.resolve(spec.name() + ".log");
            ProcessBuilder builder = new ProcessBuilder(spec.command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
            builder.environment().putAll(spec.environment());
            return new ServiceProcess(spec, builder.start(), logFile);
        } catch (IOException e) {
            throw new StackStartException("Could not launch " + spec.name() + ": " + e.getMessage(), e);
        }
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

    /** Asks the JVM to stop (its shutdown hooks run), and forces it after a grace period. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
