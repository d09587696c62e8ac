package io.hirepipe.localstack;

import io.hirepipe.embedded.PortInUseException;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code java -jar local-stack.jar [--with-prometheus] [--name=value …]}: starts everything, prints
 * where to go, runs until Ctrl-C. Exits with status 1 and a message naming the failed part when
 * start-up fails.
 */
public final class LocalStackCommand {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    static final String WITH_PROMETHEUS = "--with-prometheus";

    private LocalStackCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            printHelp();
            return;
        }
        boolean withPrometheus = Arrays.asList(args).contains(WITH_PROMETHEUS);
        Optional<Path> prometheusBinary = Optional.empty();
        if (withPrometheus) {
            // checked before the slow start, so a missing package is reported at once
            prometheusBinary = LocalPrometheus.findBinary(System.getenv("PATH"));
            if (prometheusBinary.isEmpty()) {
                System.err.println("hirepipe: " + WITH_PROMETHEUS + " needs a 'prometheus' executable on the PATH; "
                        + LocalPrometheus.INSTALL_HINT + " (or start without " + WITH_PROMETHEUS + ")");
                System.exit(2);
                return;
            }
        }
        StackConfig config;
        try {
            Path repoDir = Path.of(System.getProperty("hirepipe.repo-dir", ".")).toAbsolutePath().normalize();
            config = StackConfig.from(Arrays.stream(args).filter(a -> !WITH_PROMETHEUS.equals(a)).toArray(String[]::new),
                    System.getenv(), repoDir);
        } catch (IllegalArgumentException e) {
            System.err.println("hirepipe: " + e.getMessage());
            System.exit(2);
            return;
        }

        // Ctrl-C or SIGTERM while the stack is still starting: the stop hook below is not there yet, so the
        // service JVMs (and redis-server) started so far would outlive this one
        AtomicBoolean startedUp = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!startedUp.get()) {
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
            }
        }, "hirepipe-stop-while-starting"));
        LocalStack stack;
        try {
            stack = LocalStack.start(config, LocalStackCommand::progress);
            startedUp.set(true);
        } catch (StackStartException | PortInUseException e) {
            System.err.println();
            System.err.println("Hirepipe did not start: " + e.getMessage());
            System.exit(1);
            return;
        }

        ServiceProcess prometheus = null;
        if (prometheusBinary.isPresent()) {
            try {
                prometheus = LocalPrometheus.start(prometheusBinary.get(), stack);
                new HealthWaiter(config.healthTimeout()).awaitReady(List.of(prometheus), LocalStackCommand::progress);
            } catch (RuntimeException e) {
                System.err.println("Prometheus did not start (the stack runs without it): " + e.getMessage());
            }
        }

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        ServiceProcess startedPrometheus = prometheus;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            progress("stopping Hirepipe…");
            if (startedPrometheus != null) {
                startedPrometheus.close();
            }
            stack.close();
            progress("stopped");
            stopped.countDown();
        }, "hirepipe-stop"));

        System.out.println(Banner.of(stack, startedPrometheus != null && startedPrometheus.isAlive()
                ? List.of("Prometheus          http://localhost:" + config.ports().prometheus()
                + "/alerts   (rules from infra/prometheus/rules; log " + startedPrometheus.logFile() + ")")
                : List.of()));
        watchServices(stack, stopping);
        stopped.await();
    }

    /** A service that dies later is reported at once, instead of failing silently. */
    private static void watchServices(LocalStack stack, AtomicBoolean stopping) throws InterruptedException {
        Set<String> reported = new HashSet<>();
        while (!stopping.get()) {
            // a service restarted through the fault control may die and be reported again
            reported.retainAll(stack.deadServices().stream().map(ServiceProcess::name).toList());
            for (ServiceProcess dead : stack.deadServices()) {
                if (reported.add(dead.name())) {
                    System.err.println("[" + LocalTime.now().format(CLOCK) + "] " + dead.name() + " stopped with exit code "
                            + dead.exitCode() + "; see " + dead.logFile());
                }
            }
            Thread.sleep(2_000);
        }
    }

    static void progress(String message) {
        System.out.println("[" + LocalTime.now().format(CLOCK) + "] " + message);
    }

    private static void printHelp() {
        System.out.println("Usage: ./run-local.sh [--with-prometheus] [--name=value …]   (or HIREPIPE_NAME=value in the environment)");
        System.out.println("  --instances 2              two JVMs of each service (ports +" + StackConfig.INSTANCE_PORT_STEP
                + "), balanced by the one gateway");
        System.out.println("  --with-prometheus          also run Debian's Prometheus on the services, with infra/prometheus's rules");
        System.out.println("Options and defaults:");
        StackConfig.DEFAULTS.forEach((name, value) -> System.out.printf("  --%-22s %s%n", name, value));
    }
}
