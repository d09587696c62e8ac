package io.hirepipe.stacklauncher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local stack exactly as {@code ./run-local.sh} runs it (its jar), as a process of its own so that its
 * memory and start time are its own, on the ports and data directory a harness chose; started and awaited
 * (its "Hirepipe is running." line), or attached to when another process started it ({@code infra/smoke.sh}
 * starts one for both smokes and passes its description file). The load and the fault harness both use it.
 */
public final class LocalStackProcess implements AutoCloseable {

    public static final String READY_LINE = "Hirepipe is running.";
    /** How the stack's log says a service records its class data sharing archive at this start. */
    static final String RECORDING_MARK = "recording its class data sharing archive";
    /** The stack's port options, {@code --<name>-port}; "control" is its fault control (0 = off). */
    public static final List<String> PORTS = List.of("gateway", "question", "assessment", "scoring", "notification",
            "kafka", "mongo", "redis", "smtp", "mail", "gateway-management", "prometheus", "control");

    private final ProcessHandle process;
    private final boolean owned;
    private final Path dataDir;
    private final Path log;
    private final Map<String, Integer> ports;
    private final int instances;
    private final Duration coldStart;
    private final String serviceJvmOptions;

    private LocalStackProcess(ProcessHandle process, boolean owned, Path dataDir, Path log, Map<String, Integer> ports,
                              int instances, Duration coldStart, String serviceJvmOptions) {
        this.serviceJvmOptions = serviceJvmOptions;
        this.process = process;
        this.owned = owned;
        this.dataDir = dataDir;
        this.log = log;
        this.ports = Map.copyOf(ports);
        this.instances = instances;
        this.coldStart = coldStart;
    }

    /**
     * How to start it.
     *
     * @param ports             every name of {@link #PORTS} that should not be a free port ("control" only runs when given)
     * @param serviceJvmOptions the services' JVM options
     * @param stackJvmOptions   the stack JVM's (embedded Kafka, MongoDB-compatible server, Redis, SMTP) options, e.g.
     *                          {@link SharedStack#STACK_JVM_OPTIONS}
     * @param extraOptions      more stack options, e.g. {@code --gateway-profiles=perf}
     * @param environment       added to the stack's environment (its services inherit it)
     */
    public record Options(Path repo, Path dataDir, Path log, Map<String, Integer> ports, int instances,
                          String serviceJvmOptions, String stackJvmOptions, List<String> extraOptions,
                          Map<String, String> environment, Duration healthTimeout) {

        /** The stack's command line. */
        List<String> command(Map<String, Integer> resolvedPorts) {
            List<String> command = new ArrayList<>(List.of(javaBinary()));
            command.addAll(List.of(stackJvmOptions.trim().split("\\s+")));
            command.addAll(List.of("-Dhirepipe.repo-dir=" + repo, "-jar", jar().toString()));
            resolvedPorts.forEach((name, port) -> command.add("--" + name + "-port=" + port));
            command.add("--data-dir=" + dataDir);
            command.add("--instances=" + instances);
            command.add("--service-jvm-options=" + serviceJvmOptions);
            // a harness prepares its own data through the API; the stack is ready once healthy
            command.add("--seed-demo=false");
            command.add("--health-timeout=" + healthTimeout.toSeconds());
            command.addAll(extraOptions);
            return command;
        }

        Path jar() {
            return repo.resolve("infra/local-stack/target/local-stack.jar");
        }

        /** Every port of {@link #PORTS}: the given ones, a free loopback port for the rest (no fault control unless given). */
        Map<String, Integer> resolvedPorts() {
            Map<String, Integer> resolved = new LinkedHashMap<>();
            for (String name : PORTS) {
                Integer given = ports.get(name);
                if (given != null) {
                    resolved.put(name, given);
                } else if (!name.equals("control")) {
                    resolved.put(name, FreePorts.next());
                }
            }
            return resolved;
        }
    }

    /**
     * Starts the stack with a fresh data directory and waits for its ready line. A shutdown hook stops it
     * however this JVM ends, also while it is still starting (then it has no hook of its own).
     */
    public static LocalStackProcess start(Options options) {
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalStateException(options.jar() + " is missing: build first (./mvnw -B -DskipTests package)");
        }
        Map<String, Integer> ports = options.resolvedPorts();
        Process process;
        long started = System.nanoTime();
        try {
            deleteRecursively(options.dataDir());
            Files.createDirectories(options.log().toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(options.command(ports)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(options.log().toFile()));
            builder.environment().putAll(options.environment());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the local stack", e);
        }
        LocalStackProcess starting = new LocalStackProcess(process.toHandle(), true, options.dataDir(), options.log(),
                ports, options.instances(), null, options.serviceJvmOptions());
        Thread stop = new Thread(starting::close, "stop-local-stack");
        Runtime.getRuntime().addShutdownHook(stop);
        long deadline = started + options.healthTimeout().plusSeconds(120).toNanos();
        while (!starting.logText().contains(READY_LINE)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String tail = starting.logText();
                starting.close();
                throw new IllegalStateException("The local stack did not start (see " + options.log() + "):\n"
                        + tail.substring(Math.max(0, tail.length() - 3000)));
            }
            sleep(Duration.ofMillis(200));
        }
        return new LocalStackProcess(process.toHandle(), true, options.dataDir(), options.log(), ports,
                options.instances(), Duration.ofNanos(System.nanoTime() - started), options.serviceJvmOptions());
    }

    /**
     * Starts the stack as {@link #start} does; when that start recorded the services' class data sharing
     * archives (the first start after a build that changed a service), stops it, which writes them, and
     * starts it again. The stack returned, and its {@link #coldStart}, is then that of a built stack, as
     * every later {@code ./run-local.sh} start is.
     */
    public static LocalStackProcess startWithClassDataSharing(Options options, java.util.function.Consumer<String> progress) {
        LocalStackProcess first = start(options);
        if (!first.logText().contains(RECORDING_MARK)) {
            return first;
        }
        progress.accept("that start recorded the services' class data sharing archives (first start of this build, "
                + first.coldStart().toSeconds() + " s); starting again with them");
        first.close();
        return start(options);
    }

    /** A stack another process started and described ({@link #describeTo}); closing it leaves it running. */
    public static LocalStackProcess attach(Path description) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(description, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the stack description " + description, e);
        }
        long pid = Long.parseLong(properties.getProperty("pid"));
        ProcessHandle process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new IllegalStateException("The stack described in " + description + " (pid " + pid
                        + ") is not running"));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : PORTS) {
            Optional.ofNullable(properties.getProperty("port." + name)).map(Integer::parseInt)
                    .ifPresent(port -> ports.put(name, port));
        }
        return new LocalStackProcess(process, false, Path.of(properties.getProperty("data-dir")),
                Path.of(properties.getProperty("log")), ports, Integer.parseInt(properties.getProperty("instances", "1")),
                Duration.ofMillis(Long.parseLong(properties.getProperty("cold-start-millis"))),
                properties.getProperty("service-jvm-options", ""));
    }

    /** A running process described as a stack that is not ours (tests of the description). */
    static LocalStackProcess attachable(ProcessHandle process, Path dataDir, Path log, Map<String, Integer> ports,
                                        int instances, Duration coldStart, String serviceJvmOptions) {
        return new LocalStackProcess(process, false, dataDir, log, ports, instances, coldStart, serviceJvmOptions);
    }

    /** Writes what {@link #attach} needs, atomically (a waiting reader never sees half a file). */
    public void describeTo(Path description) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(process.pid()));
        properties.setProperty("data-dir", dataDir.toString());
        properties.setProperty("log", log.toString());
        properties.setProperty("instances", Integer.toString(instances));
        properties.setProperty("cold-start-millis", Long.toString(coldStart.toMillis()));
        properties.setProperty("service-jvm-options", serviceJvmOptions);
        ports.forEach((name, port) -> properties.setProperty("port." + name, Integer.toString(port)));
        try {
            Path parent = description.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, "stack", ".partial");
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                properties.store(writer, "a local stack started by " + LocalStackProcess.class.getName());
            }
            Files.move(partial, description, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** False when attached: someone else started it and stops it. */
    public boolean owned() {
        return owned;
    }

    /** From launching the jar to its ready line (fresh data directory, jars built). */
    public Duration coldStart() {
        return coldStart;
    }

    /** The JVM options the stack started its services with. */
    public String serviceJvmOptions() {
        return serviceJvmOptions;
    }

    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalStateException("The stack has no " + name + " port (started without it?)");
        }
        return port;
    }

    public boolean has(String portName) {
        return ports.containsKey(portName);
    }

    public int instances() {
        return instances;
    }

    public String url(String portName) {
        return "http://127.0.0.1:" + port(portName);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path mailDir() {
        return dataDir.resolve("mail");
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path log() {
        return log;
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + port("mongo");
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + port("kafka");
    }

    /** One of the secrets the stack generated into its data directory (the harness is this installation's operator). */
    public String secret(String name) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(dataDir.resolve("secrets.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty(name);
    }

    /** Resident memory of the stack's JVM (embedded Kafka, MongoDB, Redis, SMTP) and of every service it started. */
    public long totalRssBytes() {
        return Stream.concat(Stream.of(process), process.descendants()).mapToLong(handle -> rssBytes(handle.pid())).sum();
    }

    /**
     * CPU time (user and system) each of the stack's programs has used so far: the stack's own JVM ("local-stack":
     * Kafka, the MongoDB-compatible server, Redis, the SMTP sink) and each service, its instances summed. Two
     * readings around a load step say what each program spent on it.
     */
    public Map<String, Duration> cpuTimes() {
        Map<String, Duration> times = new TreeMap<>();
        Stream.concat(Stream.of(process), process.descendants()).forEach(handle -> {
            ProcessHandle.Info info = handle.info();
            times.merge(programName(info.command().orElse("?"), info.arguments().map(List::of).orElse(List.of())),
                    info.totalCpuDuration().orElse(Duration.ZERO), Duration::plus);
        });
        return times;
    }

    /** A Java program by its jar without the version ("gateway-0.1.0-SNAPSHOT.jar" → "gateway"), anything else by its file. */
    static String programName(String command, List<String> arguments) {
        int jar = arguments.indexOf("-jar");
        String file = Path.of(jar >= 0 && jar + 1 < arguments.size() ? arguments.get(jar + 1) : command).getFileName()
                .toString();
        return file.replaceFirst("\\.jar$", "").replaceFirst("-\\d[^-]*(-SNAPSHOT)?$", "");
    }

    public int processCount() {
        return 1 + (int) process.descendants().count();
    }

    /** SIGTERM: the stack stops its services, then its infrastructure; anything left after that is killed. */
    @Override
    public synchronized void close() {
        if (!owned || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the process ended meanwhile
        }
        return 0;
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
