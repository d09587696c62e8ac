package io.hirepipe.stacklauncher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code infra/smoke.sh}'s stack: started once for the load smoke and the fault smoke, which attach to it
 * through the description file ({@code --stack=FILE}). The gateway's {@code perf} limit profile as the load
 * harness wants, plus the fault control the fault harness needs. The smokes prove the harnesses run and
 * measure nothing, so the services start with run-local.sh's quick-start JIT options (the full load run
 * starts its own stack with production JIT). Runs until it is sent SIGTERM, then stops the stack.
 *
 * <pre>java -cp infra/stack-launcher/target/classes io.hirepipe.stacklauncher.SharedStack --describe-to=FILE
 *      --work-dir=DIR [--service-jvm-options=...] [any other local-stack option]</pre>
 */
public final class SharedStack {

    /**
     * The load harness's default for measuring (production JIT: no TieredStopAtLevel). Half the heap young
     * ({@code NewRatio=1}): what these services allocate per request dies young, and with the default third
     * the gateway collected every ~0.6 s under load, its pauses the tail of P2's latency.
     */
    public static final String SERVICE_JVM_OPTIONS = "-Xms128m -Xmx512m -XX:+UseSerialGC -XX:NewRatio=1";
    /**
     * The stack JVM's (embedded Kafka, MongoDB-compatible server, Redis, SMTP sink), as run-local.sh starts it. The
     * parallel collector: every save and start waits on this JVM's MongoDB-compatible server, and the serial
     * collector stopped it for 18–34 ms every 3.6 s at 200 saves/s, the tail of P4's latency (5–11 ms every 6 s
     * with two collector threads; P4's p99 32 and 43 ms → 13 and 13 ms in two runs each).
     */
    public static final String STACK_JVM_OPTIONS = "-Xmx768m -XX:+UseParallelGC";
    /** The smokes': quick starts on 2 shared cores (C1 only, as run-local.sh's default). */
    public static final String SMOKE_SERVICE_JVM_OPTIONS = "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    /**
     * The gateway's time limit to a service's answer while a harness runs: 10 s is about failure, not speed;
     * on a machine shared with other builds a service's first, still interpreted requests can exceed it.
     */
    public static final String DOWNSTREAM_TIME_LIMIT = "30s";

    private SharedStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path describeTo = null;
        Path workDir = Path.of("target/smoke");
        String serviceJvm = SMOKE_SERVICE_JVM_OPTIONS;
        List<String> extra = new ArrayList<>(List.of("--gateway-profiles=perf"));
        for (String arg : args) {
            if (arg.startsWith("--describe-to=")) {
                describeTo = Path.of(arg.substring("--describe-to=".length()));
            } else if (arg.startsWith("--work-dir=")) {
                workDir = Path.of(arg.substring("--work-dir=".length()));
            } else if (arg.startsWith("--service-jvm-options=")) {
                serviceJvm = arg.substring("--service-jvm-options=".length());
            } else {
                extra.add(arg);
            }
        }
        if (describeTo == null) {
            System.err.println("shared stack: --describe-to=FILE is needed");
            System.exit(2);
        }
        Path repo = Path.of(System.getProperty("hirepipe.repo-dir", ".")).toAbsolutePath().normalize();
        Path work = workDir.toAbsolutePath();
        LocalStackProcess stack = LocalStackProcess.start(new LocalStackProcess.Options(repo, work.resolve("stack-data"),
                work.resolve("stack.log"), Map.of("control", FreePorts.next()), 1, serviceJvm, STACK_JVM_OPTIONS, extra,
                Map.of("HIREPIPE_DOWNSTREAM_TIME_LIMIT", DOWNSTREAM_TIME_LIMIT), Duration.ofSeconds(480)));
        stack.describeTo(describeTo);
        System.out.println("shared stack ready in " + stack.coldStart().toSeconds() + " s: " + describeTo);
        Thread.currentThread().join();   // until SIGTERM: the shutdown hook of start() stops the stack
    }
}
