package io.hirepipe.localstack;

import io.hirepipe.embedded.EmbeddedKafka;
import io.hirepipe.embedded.EmbeddedMongo;
import io.hirepipe.embedded.EmbeddedRedis;
import io.hirepipe.embedded.MailViewer;
import io.hirepipe.embedded.PortCheck;
import io.hirepipe.embedded.PortInUseException;
import io.hirepipe.embedded.QuietInfraLogging;
import io.hirepipe.embedded.SmtpSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The whole pipeline on one machine: embedded infrastructure in this JVM, each service in a JVM of
 * its own, health-checked, then seeded with demo data. Closing it stops the services (all at once), then the
 * infrastructure in reverse order.
 */
public final class LocalStack implements AutoCloseable {

    private final StackConfig config;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedKafka kafka;
    private EmbeddedRedis redis;
    private SmtpSink smtp;
    private MailViewer mailViewer;
    private DemoAccess demo;
    private String demoCandidateLink;

    private LocalStack(StackConfig config) {
        this.config = config;
    }

    /** Starts the stack with the standard five services. */
    public static LocalStack start(StackConfig config, Consumer<String> progress) {
        return start(config, ServiceLineup.specs(config, StackSecrets.loadOrCreate(config.dataDir())), progress);
    }

    /** Starts the stack with the given services (tests use this to stage a failing start). */
    public static LocalStack start(StackConfig config, List<ServiceSpec> serviceSpecs, Consumer<String> progress) {
        LocalStack stack = new LocalStack(config);
        try {
            stack.startAll(serviceSpecs, progress);
            return stack;
        } catch (RuntimeException e) {
            progress.accept("start-up failed, stopping what was started");
            stack.close();
            throw e;
        }
    }

    private void startAll(List<ServiceSpec> serviceSpecs, Consumer<String> progress) {
        requireJars(serviceSpecs);
        requireFreePorts(serviceSpecs);
        createDirectories();
        // a build that changed a service jar needs it extracted again: done meanwhile, not one after another
        Map<String, CompletableFuture<Void>> extractions = extractAhead(serviceSpecs, progress);

        // Kafka takes seconds to start; the service JVMs spend their first seconds loading classes and building
        // their contexts, which needs no broker, so they start meanwhile. Their Kafka clients retry until it is
        // up, and a service reaches topic creation (KafkaAdmin) long after the broker is there. The stack is
        // ready only once Kafka started; if it fails, the start fails as before.
        progress.accept("starting Kafka (KRaft) on port " + config.ports().kafka() + "; the services start meanwhile");
        // logging set up here, once, not by two servers' threads at the same time (SLF4J would replay their calls)
        QuietInfraLogging.apply();
        CompletableFuture<EmbeddedKafka> kafkaStart = new CompletableFuture<>();
        Thread kafkaStarter = new Thread(() -> {
            try {
                kafkaStart.complete(EmbeddedKafka.start(config.ports().kafka()));
            } catch (Throwable failure) {
                kafkaStart.completeExceptionally(failure);
            }
        }, "start-kafka");
        kafkaStarter.setDaemon(true);
        kafkaStarter.start();
        // closed after every service (they flush to Kafka as they stop), as when Kafka started first
        started.push(() -> {
            EmbeddedKafka broker = kafkaOrNull(kafkaStart);
            if (broker != null) {
                broker.close();
            }
        });
        progress.accept("starting MongoDB-compatible server on port " + config.ports().mongo()
                + " (data in " + config.mongoFile() + ")");
        started.push(EmbeddedMongo.start(config.ports().mongo(), config.mongoFile(), config.mongoSlowOperations()));
        progress.accept("starting Redis on port " + config.ports().redis());
        redis = EmbeddedRedis.start(config.ports().redis());
        started.push(redis);
        progress.accept("starting SMTP sink on port " + config.ports().smtp() + " and mail viewer on port "
                + config.ports().mail());
        smtp = SmtpSink.start(config.ports().smtp(), config.mailDir());
        started.push(smtp);
        mailViewer = MailViewer.start(config.ports().mail(), smtp);
        started.push(mailViewer);

        Set<String> recordingJars = new HashSet<>();
        for (ServiceSpec spec : serviceSpecs) {
            ServiceSpec launchSpec = spec;
            Optional<ClassDataSharing.Recording> recording = Optional.empty();
            int jar = spec.command().indexOf("-jar");
            if (config.classDataSharing() && jar >= 0) {
                extractions.get(spec.command().get(jar + 1)).join();
                // one instance per service records the archive; the others share it from the next start on
                boolean record = recordingJars.add(spec.command().get(jar + 1));
                Optional<ClassDataSharing.Launch> launch = ClassDataSharing.prepare(Path.of(spec.command().get(jar + 1)),
                        record, progress);
                if (launch.isPresent()) {
                    launchSpec = withLaunch(spec, jar, launch.get());
                    recording = launch.get().recording();
                }
            }
            // LocalStackProcess (infra/stack-launcher) looks for this wording to know a start recorded archives
            progress.accept("launching " + spec.name() + " on port " + spec.port()
                    + (recording.isPresent() ? " (recording its class data sharing archive for the next start)" : ""));
            ServiceProcess process = ServiceProcess.launch(launchSpec, config.logsDir(), recording);
            services.add(process);
            started.push(process);
        }
        kafka = awaitKafka(kafkaStart);
        progress.accept("Kafka is up");
        HealthWaiter health = new HealthWaiter(config.healthTimeout());
        health.awaitReady(services, progress);
        if (config.instances() > 1) {
            health.awaitLoadBalanced(gatewayUrl(), progress);
        }

        if (config.seedDemo()) {
            DemoSeeder seeder = new DemoSeeder(gatewayUrl(), config.dataDir(), progress);
            demo = seeder.seed();
            demoCandidateLink = seeder.inviteDemoCandidate(demo.demoTestId());
        }
        if (config.controlPort() != 0) {
            // last: a harness that reaches the control knows the stack is ready
            progress.accept("fault control on http://127.0.0.1:" + config.controlPort() + " (loopback only)");
            started.push(StackControl.start(config.controlPort(), this));
        }
    }

    /** The started broker, or its start failure as thrown by {@link EmbeddedKafka#start}. */
    private static EmbeddedKafka awaitKafka(CompletableFuture<EmbeddedKafka> kafkaStart) {
        try {
            return kafkaStart.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** For stopping: the broker if it started (waiting for a start still under way), else null. */
    private static EmbeddedKafka kafkaOrNull(CompletableFuture<EmbeddedKafka> kafkaStart) {
        try {
            return kafkaStart.join();
        } catch (CompletionException | CancellationException e) {
            return null;
        }
    }

    /** Starts extracting each distinct service jar (two at a time: two cores), when class data sharing is on. */
    private Map<String, CompletableFuture<Void>> extractAhead(List<ServiceSpec> serviceSpecs, Consumer<String> progress) {
        Map<String, CompletableFuture<Void>> extractions = new LinkedHashMap<>();
        if (!config.classDataSharing()) {
            return extractions;
        }
        ExecutorService extractors = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "class-data-sharing-extract");
            thread.setDaemon(true);
            return thread;
        });
        for (ServiceSpec spec : serviceSpecs) {
            int jar = spec.command().indexOf("-jar");
            if (jar >= 0) {
                String bootJar = spec.command().get(jar + 1);
                extractions.computeIfAbsent(bootJar, j -> CompletableFuture.runAsync(
                        () -> ClassDataSharing.extractAhead(Path.of(j), progress), extractors));
            }
        }
        extractors.shutdown();
        return extractions;
    }

    /** The spec's command with the JVM options and extracted jar of a class data sharing launch. */
    private static ServiceSpec withLaunch(ServiceSpec spec, int jarIndex, ClassDataSharing.Launch launch) {
        List<String> command = new ArrayList<>(spec.command().subList(0, jarIndex));
        command.addAll(launch.jvmOptions());
        command.add("-jar");
        command.add(launch.jar().toString());
        command.addAll(spec.command().subList(jarIndex + 2, spec.command().size()));
        return new ServiceSpec(spec.name(), spec.port(), command, spec.environment(), spec.healthUrl());
    }

    private void requireJars(List<ServiceSpec> serviceSpecs) {
        for (ServiceSpec spec : serviceSpecs) {
            int jar = spec.command().indexOf("-jar");
            if (jar >= 0 && !Files.isRegularFile(Path.of(spec.command().get(jar + 1)))) {
                throw new StackStartException(spec.name() + " is not built: " + spec.command().get(jar + 1)
                        + " does not exist. Build it first: ./mvnw -DskipTests package (run-local.sh does this).");
            }
        }
    }

    /** Reports every taken port at once, so one fix suffices. */
    /** What listens on a port, and the option ({@code --<option>}, {@code HIREPIPE_<OPTION>}) that moves it. */
    private record Listener(String what, String option, int port) {
    }

    private void requireFreePorts(List<ServiceSpec> serviceSpecs) {
        List<Listener> listeners = new ArrayList<>(List.of(
                new Listener("Kafka", "kafka-port", config.ports().kafka()),
                new Listener("MongoDB", "mongo-port", config.ports().mongo()),
                new Listener("Redis", "redis-port", config.ports().redis()),
                new Listener("SMTP sink", "smtp-port", config.ports().smtp()),
                new Listener("mail viewer", "mail-port", config.ports().mail())));
        // a second instance's port follows its first's (INSTANCE_PORT_STEP): the same option moves both
        serviceSpecs.forEach(spec -> listeners.add(new Listener(spec.name(),
                spec.name().replaceFirst("(-service)?(-\\d+)?$", "") + "-port", spec.port())));
        if (config.controlPort() != 0) {
            listeners.add(new Listener("fault control", "control-port", config.controlPort()));
        }
        listeners.add(new Listener("gateway management", "gateway-management-port", config.ports().gatewayManagement()));
        List<Listener> taken = new ArrayList<>();
        for (Listener listener : listeners) {
            try {
                PortCheck.requireFree(listener.what(), listener.port());
            } catch (PortInUseException e) {
                taken.add(listener);
            }
        }
        if (!taken.isEmpty()) {
            Listener first = taken.get(0);
            int elsewhere = first.port() + (first.port() <= 64_535 ? 1000 : -1000);
            throw new StackStartException("Port already in use: " + taken.stream()
                    .map(listener -> listener.what() + " port " + listener.port()).collect(Collectors.joining(", "))
                    + ". Stop whatever holds it (a stack already running?) or choose other ports, e.g. --"
                    + first.option() + "=" + elsewhere + " or HIREPIPE_"
                    + first.option().toUpperCase(Locale.ROOT).replace('-', '_') + "=" + elsewhere
                    + " (options: --<name>-port for gateway, gateway-management, question, assessment, scoring, "
                    + "notification, kafka, mongo, redis, smtp, mail).");
        }
    }

    private void createDirectories() {
        try {
            Files.createDirectories(config.logsDir());
            Files.createDirectories(config.mailDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + config.dataDir(), e);
        }
    }

    public URI gatewayUrl() {
        return URI.create("http://localhost:" + config.ports().gateway());
    }

    /** Each service's Prometheus endpoint by service name; the gateway's is on its management port. */
    public Map<String, URI> metricsUrls() {
        StackConfig.Ports p = config.ports();
        Map<String, URI> urls = new LinkedHashMap<>();
        urls.put("gateway", URI.create("http://127.0.0.1:" + p.gatewayManagement() + "/actuator/prometheus"));
        urls.put("question-service", URI.create("http://127.0.0.1:" + p.question() + "/actuator/prometheus"));
        urls.put("assessment-service", URI.create("http://127.0.0.1:" + p.assessment() + "/actuator/prometheus"));
        urls.put("scoring-service", URI.create("http://127.0.0.1:" + p.scoring() + "/actuator/prometheus"));
        urls.put("notification-service", URI.create("http://127.0.0.1:" + p.notification() + "/actuator/prometheus"));
        return urls;
    }

    public URI mailViewerUrl() {
        return mailViewer.url();
    }

    public SmtpSink mail() {
        return smtp;
    }

    public DemoAccess demo() {
        return demo;
    }

    /** A ready-to-use candidate link to the demo test, made at this start; for the terminal only. */
    public String demoCandidateLink() {
        return demoCandidateLink;
    }

    public StackConfig config() {
        return config;
    }

    EmbeddedKafka kafka() {
        return kafka;
    }

    EmbeddedRedis redis() {
        return redis;
    }

    /** Service processes by instance name (gateway, scoring-service, scoring-service-2, …), in start order. */
    List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** Waits until the named service answers its readiness probe again (after a restart). */
    void awaitReady(ServiceProcess service) {
        new HealthWaiter(config.healthTimeout()).awaitReady(List.of(service), message -> { });
    }

    /** Processes of services that have died since start, for the command to report. */
    List<ServiceProcess> deadServices() {
        return services.stream().filter(s -> !s.isAlive()).toList();
    }

    @Override
    public void close() {
        // Services first (they flush and deregister), then the infrastructure they used.
        KafkaShutdownNoise.silence();
        boolean servicesAsked = false;
        while (!started.isEmpty()) {
            if (!servicesAsked && started.peek() instanceof ServiceProcess) {
                // All of them at once, each then waited for in turn: a JVM's stop is mostly single-threaded work (after
                // a start that records class data sharing archives, the dump of its archive: seconds each), and five
                // in a row kept one of two cores idle for well over a minute.
                services.forEach(ServiceProcess::requestStop);
                servicesAsked = true;
            }
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("While stopping " + next.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
