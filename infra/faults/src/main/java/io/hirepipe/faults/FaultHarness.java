package io.hirepipe.faults;

import io.hirepipe.stacklauncher.LocalStackProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./infra/faults/run.sh}: starts the local stack, runs the fault scenarios against it one after the
 * other, writes {@code target/fault-report.md} and exits 0 only when every scenario passed. R10 runs on a
 * second stack with two instances of each service.
 */
public final class FaultHarness {

    private FaultHarness() {
    }

    public static void main(String[] args) throws IOException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(HarnessOptions.usage().strip());
            return;
        }
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("faults: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path repo = Path.of(System.getProperty("hirepipe.repo-dir", ".")).toAbsolutePath().normalize();
        List<ScenarioResult> results = new ArrayList<>();
        List<String> singleInstance = options.scenarios().stream().filter(id -> !id.equals("R10")).toList();
        if (!singleInstance.isEmpty()) {
            runOn(repo, 1, singleInstance, options, results);
        }
        if (options.scenarios().contains("R10")) {
            runOn(repo, 2, List.of("R10"), options, results);
        }
        String command = "./infra/faults/run.sh " + String.join(" ", args);
        String report = FaultReport.markdown(results, machine(), command.trim());
        Path file = repo.resolve("target/fault-report.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report, StandardCharsets.UTF_8);
        System.out.println(report);
        System.out.println("Report: " + file);
        System.exit(results.stream().allMatch(ScenarioResult::passed) ? 0 : 1);
    }

    private static void runOn(Path repo, int instances, List<String> scenarios, HarnessOptions options,
                              List<ScenarioResult> results) {
        log(options.stack() != null ? "using the stack described in " + options.stack()
                : "starting the local stack (" + instances + " instance" + (instances > 1 ? "s" : "") + " of each service)");
        Instant started = Instant.now();
        try (StackUnderTest stack = options.stack() != null
                ? new StackUnderTest(LocalStackProcess.attach(options.stack()))
                : StackUnderTest.start(repo, instances, Duration.ofMinutes(10));
             WebhookReceiver webhooks = WebhookReceiver.start()) {
            log("stack ready in " + Duration.between(started, Instant.now()).toSeconds() + " s");
            Recruiter recruiter = new Recruiter(stack.gateway());
            Scenarios all = new Scenarios(stack, recruiter, webhooks, options);
            for (String id : scenarios) {
                log(id + ": running");
                ScenarioResult result;
                try {
                    result = all.run(id);
                } catch (RuntimeException e) {
                    e.printStackTrace();
                    result = ScenarioResult.failedToRun(id, "(see the error above)", "", e);
                }
                results.add(result);
                log(id + ": " + (result.passed() ? "pass" : "FAIL") + " " + (result.count() == null ? "" : result.count()));
            }
            log(stack.shared() ? "done; the stack is left to whoever started it" : "stopping the local stack");
        } catch (RuntimeException e) {
            e.printStackTrace();
            for (String id : scenarios) {
                if (results.stream().noneMatch(r -> r.id().equals(id))) {
                    results.add(ScenarioResult.failedToRun(id, "(the stack did not start)", "", e));
                }
            }
        }
    }

    private static String machine() {
        String load = "?";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException ignored) {
            // not Linux: no load average
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB harness heap, load average at the end " + load + " (shared machine: timings are indicative)";
    }

    private static void log(String message) {
        System.out.println("[faults " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}
