package io.hirepipe.perf;

import io.hirepipe.stacklauncher.LocalStackProcess;
import io.hirepipe.stacklauncher.SharedStack;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static io.hirepipe.perf.PerfContext.await;
import static io.hirepipe.perf.PerfContext.log;
import static io.hirepipe.perf.PerfContext.seconds;

/**
 * {@code infra/perf/run.sh [--smoke] [--instances N] [--scenarios=P4,P7]}: starts the local stack, runs P1–P8 (or the
 * scenarios named) and writes
 * {@code target/perf-report.md}. See the README, "Performance and reliability".
 */
public final class PerfRun {

    static final String RECRUITER_EMAIL = "recruiter@demo.hirepipe.local";
    static final String RECRUITER_PASSWORD = "hirepipe-demo";
    /** Production JIT (tiered, up to C2): unlike run-local.sh's default, no -XX:TieredStopAtLevel=1. */
    static final String SERVICE_JVM_OPTIONS = SharedStack.SERVICE_JVM_OPTIONS;
    private static final String FREE_TEXT = """
            Replication keeps copies of the same data on several servers, so reads can be spread over the replicas \
            and the data survives when one machine fails. A primary accepts the writes and ships its log to the \
            secondaries, which apply it in order; with asynchronous replication a failover can lose the last writes, \
            so important writes wait for a majority. Sharding is different: it splits the data by a key across \
            servers so that each holds only a part, which spreads both storage and write load. A good shard key has \
            many values and spreads traffic evenly; a monotonically increasing key sends every insert to one shard. \
            Most systems combine both: every shard is itself a replica set.""";

    private final Path repo;
    private final Plan plan;
    private final LocalStackProcess stack;
    private final Report report;
    private final String runId;
    private final Api gateway;
    private final Path work;
    private final PerfContext context;
    private final String gatewayJvmOptions;
    private final ScenarioSelection scenarios;
    private String warmUp = "no warm-up ran";
    private String breakersWhilePreparing = "not read";

    private PerfRun(Path repo, Plan plan, LocalStackProcess stack, Report report, Path work, String gatewayJvmOptions,
                    ScenarioSelection scenarios) {
        this.repo = repo;
        this.scenarios = scenarios;
        this.plan = plan;
        this.stack = stack;
        this.report = report;
        this.work = work;
        this.gatewayJvmOptions = gatewayJvmOptions;
        this.runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        this.gateway = new Api(stack.url("gateway"));
        this.context = new PerfContext(stack, plan, report, work, new GatlingRun(work), new Wrk(work), gateway,
                new Sink(stack.mailDir()));
    }

    public static void main(String[] args) {
        boolean smoke = false;
        int instances = 1;
        Path attach = null;
        ScenarioSelection scenarios = ScenarioSelection.all();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--smoke")) {
                smoke = true;
            } else if (arg.equals("--instances") && i + 1 < args.length) {
                instances = Integer.parseInt(args[++i]);
            } else if (arg.startsWith("--instances=")) {
                instances = Integer.parseInt(arg.substring("--instances=".length()));
            } else if (arg.startsWith("--stack=")) {
                attach = Path.of(arg.substring("--stack=".length()));
            } else if (arg.startsWith("--scenarios=")) {
                try {
                    scenarios = ScenarioSelection.parse(arg.substring("--scenarios=".length()));
                } catch (IllegalArgumentException e) {
                    System.err.println("perf: " + e.getMessage());
                    System.exit(2);
                }
            } else if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("Usage: infra/perf/run.sh [--smoke] [--instances N] [--stack=FILE] [--scenarios=P4,P7]"
                        + "   (report: target/perf-report.md)\n  --stack=FILE  use the stack infra/smoke.sh started and "
                        + "described there\n  --scenarios=LIST  only these (P1-P3 run together, P6 is P6a and P6b; P8 is "
                        + "always read)");
                return;
            } else {
                System.err.println("perf: unknown argument " + arg + " (try --help)");
                System.exit(2);
            }
        }
        if (scenarios.includes("P1") && !Wrk.installed()) {
            System.err.println("perf: wrk is needed for P1-P3 (apt-get install -y wrk)");
            System.exit(2);
        }
        Path repo = Path.of(System.getProperty("hirepipe.repo-dir", ".")).toAbsolutePath().normalize();
        Path work = repo.resolve("target/perf");
        Path reportFile = repo.resolve("target/perf-report.md");
        Plan plan = smoke ? Plan.smokeRun() : Plan.fullRun();
        String serviceJvm = System.getenv().getOrDefault("PERF_SERVICE_JVM_OPTIONS", SERVICE_JVM_OPTIONS);
        String stackJvm = System.getenv().getOrDefault("PERF_STACK_JVM_OPTIONS", SharedStack.STACK_JVM_OPTIONS);
        String gatewayJvm = System.getenv().getOrDefault("PERF_GATEWAY_JVM_OPTIONS", "");
        Report report = new Report();
        long started = System.nanoTime();
        report.header("- Mode: " + (smoke ? "smoke (a few seconds per scenario: proves the harness, measures nothing)"
                : "full") + (instances == 1 ? "" : ", " + instances + " instances of each service")
                + (attach == null ? "" : ", on the stack infra/smoke.sh started (shared with the fault smoke)")
                + (scenarios.isAll() ? "" : "; only " + scenarios.describe() + " (`--scenarios`)"));
        report.header("- Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memTotal() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "; Java "
                + System.getProperty("java.runtime.version") + "; load average at start " + loadAverage());
        report.header("- Tools: wrk (closed model, `-t1 -c" + plan.wrkConnections() + "`, " + plan.wrkWarmupSeconds()
                + " s warm-up per target, then " + plan.wrkRounds() + " alternating rounds of " + plan.wrkSeconds()
                + " s) for P1-P3; Gatling " + io.gatling.javaapi.core.CoreDsl.class.getPackage().getImplementationVersion()
                + " Java DSL (open model: constant arrival rate, JVM `" + GatlingRun.JVM_OPTIONS + "`) for P4, P5, P6 and P7; "
                + "the SMTP sink's .eml files (arrival = file time) and the services' /actuator/prometheus for end-to-end "
                + "figures; everything on loopback");
        int exit = 0;
        // stopped by a signal (Ctrl-C, CI's timeout), the stack's processes do not outlive the harness: the
        // launcher's shutdown hook stops a stack this run started; an attached one is its starter's to stop
        try (LocalStackProcess stack = attach != null ? LocalStackProcess.attach(attach)
                : LocalStackProcess.startWithClassDataSharing(stackOptions(repo, work, serviceJvm, gatewayJvm, stackJvm, instances), message -> {
                    log(message);
                    report.header("- Stack: " + message); // P8 reads the later start; the first one is reported too
                })) {
            // an attached stack's gateway runs as its starter chose; the comparison gateways follow it
            String gatewayOptions = attach == null ? (stack.serviceJvmOptions() + " " + gatewayJvm).trim()
                    : stack.serviceJvmOptions();
            report.header("- Services' JVM options: `" + stack.serviceJvmOptions() + "` ("
                    + (stack.serviceJvmOptions().contains("TieredStopAtLevel") ? "quick-start JIT: the smoke measures nothing"
                    : "default tiered JIT") + "); stack JVM (Kafka, MongoDB-compatible "
                    + "server, Redis, SMTP sink) `" + (attach == null ? stackJvm : "as its starter chose") + "`; the gateways `"
                    + gatewayOptions + "`; gateway profile `perf` (limits raised, login throttle off), "
                    + "gateway time limit to a service's answer " + SharedStack.DOWNSTREAM_TIME_LIMIT + " instead of 10 s (only failures "
                    + "depend on it)");
            new PerfRun(repo, plan, stack, report, work, gatewayOptions, scenarios).run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            report.problem("The run stopped: " + e.getMessage());
            exit = 1;
        }
        report.header("- Requests the harness tried again (502/503/504 or no connection; bounded, honouring Retry-After): "
                + (Api.retried().isEmpty() ? "none" : Api.retried().toString()));
        report.header("- Load average at the end " + loadAverage() + "; the run took "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        report.write(reportFile);
        System.out.println("Report: " + reportFile);
        if (!report.problems().isEmpty()) {
            System.out.println("Problems:\n  " + String.join("\n  ", report.problems()));
            exit = 1;
        }
        System.exit(exit);
    }

    /** The local stack with production JIT, the gateway's perf limit profile, on free ports of its own. */
    static LocalStackProcess.Options stackOptions(Path repo, Path work, String serviceJvm, String gatewayJvm,
                                                  String stackJvm, int instances) {
        List<String> stackArguments = new ArrayList<>(List.of("--gateway-profiles=perf"));
        if (!gatewayJvm.isBlank()) {
            stackArguments.add("--gateway-jvm-options=" + gatewayJvm.trim());
        }
        return new LocalStackProcess.Options(repo, work.resolve("stack-data"), work.resolve("stack.log"), Map.of(),
                instances, serviceJvm, stackJvm, stackArguments,
                Map.of("HIREPIPE_DOWNSTREAM_TIME_LIMIT", SharedStack.DOWNSTREAM_TIME_LIMIT), Duration.ofSeconds(480));
    }

    private void run() {
        log("stack ready in " + stack.coldStart().toSeconds() + " s");
        long rssAtStart = stack.totalRssBytes();
        boolean gatewayScenarios = scenarios.includes("P1");
        // the warm-up submissions take the start, autosave and submit paths through every service: P4-P7 measure
        // warm services in a run of a few scenarios too (measured alone on a cold stack, P4 was a backlog of seconds)
        boolean warmsSubmitPath = scenarios.includesAny("P4", "P5", "P6a", "P6b", "P7");
        DelayedBackend slow = DelayedBackend.start(50, plan.wrkConnections() * 2);
        // P1-P3's comparison gateways are JVMs of their own: not started when only other scenarios run.
        // P3 compares two gateways started alike and driven alike, one with limits and breakers on and one with both
        // off; the stack's gateway (P1's) has served the whole preparation, so its JIT had compiled other paths
        String questionService = "http://127.0.0.1:" + stack.port("question");
        ExtraGateway gatewayOn = gatewayScenarios ? ExtraGateway.start(repo, stack, gatewayJvmOptions, questionService,
                true, work.resolve("gateway-limits-on.log")) : null;
        ExtraGateway gatewayOff = gatewayScenarios ? ExtraGateway.start(repo, stack, gatewayJvmOptions, questionService,
                false, work.resolve("gateway-limits-off.log")) : null;
        ExtraGateway gatewaySlow = gatewayScenarios ? ExtraGateway.start(repo, stack, gatewayJvmOptions, slow.url(), true,
                work.resolve("gateway-slow-backend.log")) : null;
        List<ExtraGateway> comparisonGateways = gatewayScenarios ? List.of(gatewayOn, gatewayOff, gatewaySlow) : List.of();
        Runnable closeGateways = () -> comparisonGateways.forEach(ExtraGateway::close);
        Thread stopGateways = new Thread(closeGateways, "perf-stop-gateways");
        Runtime.getRuntime().addShutdownHook(stopGateways);
        try {
            String recruiter = signIn();
            // what run-local.sh seeds for the demo tenant, through the same public API
            // a first attempt that timed out may still be installing: Api waits out its 409 "in progress"
            installStarterBank(recruiter);
            String apiKey = gateway.post("/api/v1/api-keys", Map.of("name", "perf " + runId, "scopes",
                    List.of("invitations:read", "invitations:write", "results:read")), "Authorization", Api.bearer(recruiter))
                    .expect(200, 201).json().get("key").asString();
            Candidates candidates = new Candidates(gateway, apiKey);
            List<String> choice = publishedQuestions(recruiter, "SINGLE_CHOICE", 5);
            List<String> freeText = publishedQuestions(recruiter, "FREE_TEXT", 4);
            String choiceTest = createTest(recruiter, "P4 P5 choice", choice);
            String p6aTest = createTest(recruiter, "P6a choice", choice);
            String p6bTest = createTest(recruiter, "P6b free text", freeText);
            String p7Test = createTest(recruiter, "P7 cohort", choice);
            String p7WarmUpTest = createTest(recruiter, "P7 warm-up", choice);

            // the start path gently first: a burst on services that have not served a start yet is what opened
            // the gateway's breaker on an idle machine once (503 downstream-circuit-open while preparing)
            log("warming up the candidate path (" + plan.warmUpCandidates() + " candidates, one at a time)");
            List<Long> warmUpStarts = candidates.warmUp(choiceTest, plan.warmUpCandidates(), name("W"),
                    "perf-warmup@perf.hirepipe.test");
            warmUp = "the first " + warmUpStarts.size() + " session starts, one at a time on the fresh stack, took "
                    + warmUpStarts.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " ms";
            log(warmUp);
            log("preparing candidates");
            long prepStart = System.nanoTime();
            // one started session at least: its questions give the answers every submit scenario sends
            List<Candidates.Candidate> autosave = candidates.invite(choiceTest,
                    scenarios.includes("P4") ? plan.autosaveSessions() : 1, name("P4"), "perf-p4@perf.hirepipe.test");
            JsonNode session = candidates.start(autosave);
            List<Candidates.AnswerBody> choiceAnswers = answers(session);
            JsonNode firstChoice = session.get("questions").get(0);
            boolean p5Runs = scenarios.includes("P5");
            int p5Baseline = p5Runs ? Plan.count(plan.submitBaselineRate(), plan.submitBaselineSeconds()) : 0;
            int p5Load = p5Runs ? Plan.count(plan.submitRate(), plan.submitSeconds()) : 0;
            List<Candidates.Candidate> p5 = ready(candidates, choiceTest, p5Baseline + p5Load, "P5", choiceAnswers);
            List<Candidates.Candidate> pipelineWarmUp = ready(candidates, choiceTest, warmsSubmitPath
                    ? Plan.count(plan.pipelineWarmUpRate(), plan.pipelineWarmUpSeconds()) : 0, "PW", choiceAnswers);
            List<Candidates.Candidate> p6a = ready(candidates, p6aTest, scenarios.includes("P6a")
                    ? Plan.count(plan.choiceRate(), plan.choiceSeconds()) : 0, "P6a", choiceAnswers);
            List<Candidates.Candidate> p6bFirst = scenarios.includes("P6b")
                    ? candidates.invite(p6bTest, 1, name("P6b") + "x", "perf-p6b@perf.hirepipe.test") : List.of();
            List<Candidates.Candidate> p6b = p6bFirst.isEmpty() ? List.of() : ready(candidates, p6bTest,
                    Plan.count(plan.freeTextRate(), plan.freeTextSeconds()), "P6b", answers(candidates.start(p6bFirst)));
            int p7Baseline = Plan.count(plan.startBaselineRate(), plan.startBaselineSeconds());
            List<Candidates.Candidate> p7 = scenarios.includes("P7") ? candidates.invite(p7Test, p7Baseline
                    + Plan.count(plan.startRate(), plan.startSeconds()), name("P7"), "perf-p7@perf.hirepipe.test") : List.of();
            // the starts' silent warm-up: candidates of another test, so the cohort's test is still one no session began
            List<Candidates.Candidate> p7WarmUp = scenarios.includes("P7") ? candidates.invite(p7WarmUpTest,
                    1 + Plan.count(plan.startBaselineRate() + plan.startRate(), plan.startWarmUpSeconds()), name("P7w"),
                    "perf-p7@perf.hirepipe.test") : List.of();
            int invited = warmUpStarts.size() + autosave.size() + p5.size() + pipelineWarmUp.size() + p6a.size()
                    + p6bFirst.size() + p6b.size() + p7.size() + p7WarmUp.size();
            log("prepared " + invited + " candidates in " + seconds(prepStart) + " s; waiting for their invitation emails");
            breakersWhilePreparing = breakerFigures();
            log("gateway breakers while preparing: " + breakersWhilePreparing);
            long drainStart = System.nanoTime();
            boolean drained = await(() -> context.sink().all().stream().filter(m -> m.to().contains("@perf.hirepipe.test")
                    && !m.to().contains("perf-p")).count() >= invited, plan.drainSeconds());
            String invitationMail = invited + " invitation emails reached the sink " + (drained ? "" : "NOT all ")
                    + "within " + seconds(drainStart) + " s of the last invitation";
            log(invitationMail);
            if (gatewayScenarios) {
                comparisonGateways.forEach(gateway -> gateway.awaitReady(240_000));
                // a fresh access token (15 minutes): on a busy machine preparation alone can outlast the first one,
                // and wrk would then measure 401s
                String signedIn = signIn();
                scenario("P1-P3", () -> new GatewayComparison(context).measure(signedIn, choice.get(0), slow, gatewayOn,
                        gatewayOff, gatewaySlow));
                // the comparison gateways are not part of the stack the later scenarios measure (idle, each still
                // used about 1 % of a core: its Kafka consumer polling the stack JVM, its timers)
                closeGateways.run();
            }
            SubmissionScenarios submissions = new SubmissionScenarios(context, apiKey);
            if (warmsSubmitPath) {
                scenario("submit path warm-up", () -> submissions.warmUp(pipelineWarmUp));
            }
            if (scenarios.includes("P4")) {
                scenario("P4", () -> new AutosaveScenario(context).measure(autosave, firstChoice));
            }
            if (p5Runs) {
                scenario("P5", () -> submissions.submitToEmail(p5, p5Baseline));
            }
            List<SubmissionScenarios.ChoiceOnly> choiceOnly = new ArrayList<>();
            if (scenarios.includes("P6a")) {
                scenario("P6a", () -> choiceOnly.add(submissions.sustained("P6a", p6a, p6aTest, plan.choiceRate(),
                        plan.choiceSeconds(), null)));
            }
            if (scenarios.includes("P6b")) {
                scenario("P6b", () -> submissions.sustained("P6b", p6b, p6bTest, plan.freeTextRate(), plan.freeTextSeconds(),
                        choiceOnly.isEmpty() ? null : choiceOnly.get(0)));
            }
            if (scenarios.includes("P7")) {
                scenario("P7", () -> {
                    // The warm-up test's questions are fetched now, before P7 counts fetches: fetched while preparing,
                    // they were out of assessment-service's cache (60 s) by the time a full run reached P7, and its
                    // warm-up's re-fetch was counted as the cohort's (2 fetches in the sixteenth run).
                    candidates.start(p7WarmUp.subList(0, 1));
                    new CohortStartScenario(context).measure(p7, p7Baseline, p7WarmUp.subList(1, p7WarmUp.size()));
                });
            }
            coldStartAndMemory(rssAtStart, invitationMail);
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopGateways);
            closeGateways.run();
            slow.close();
        }
    }

    /** A busy machine can outlast the install's wait: then the answer is 202 and the status link says when it is done. */
    private void installStarterBank(String recruiter) {
        int status = gateway.post("/api/v1/questions/starter-bank", "{}", "Authorization", Api.bearer(recruiter))
                .expect(200, 201, 202).status();
        if (status == 202 && !await(() -> "INSTALLED".equals(gateway.get("/api/v1/questions/starter-bank/install",
                "Authorization", Api.bearer(recruiter)).expect(200).json().path("status").asString()), 300)) {
            throw new IllegalStateException("the starter bank was not installed within 300 s");
        }
    }

    private String signIn() {
        return gateway.post("/api/v1/auth/login", Map.of("email", RECRUITER_EMAIL, "password", RECRUITER_PASSWORD))
                .expect(200).json().get("token").asString();
    }

    /** A scenario that fails is reported as a problem; the others still run. */
    private void scenario(String id, Runnable scenario) {
        log(id + ": running");
        try {
            scenario.run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            report.problem(id + " did not complete: " + e.getMessage());
        }
    }

    // ---- P8 ---------------------------------------------------------------------------------------------------

    private void coldStartAndMemory(long rssAtStart, String invitationMail) {
        long rssNow = stack.totalRssBytes();
        long coldStart = stack.coldStart().toSeconds();
        double gib = Math.max(rssAtStart, rssNow) / (1024.0 * 1024 * 1024);
        report.add(new Report.Scenario("P8", "cold start of the stack; total RSS", "< 60 s; < 3 GiB",
                coldStart + " s; " + String.format(Locale.ROOT, "%.2f GiB", gib), coldStart < 60 && gib < 3, List.of(),
                List.of("Cold start: from launching the local stack's jar (fresh data directory, jars built) to its "
                                + "'" + LocalStackProcess.READY_LINE + "' line: infrastructure up, five services healthy (`--seed-demo=false`: the harness "
                                + "installs the starter bank itself, through the API). The services start with the class data "
                                + "sharing archives the first start of this build recorded (the launcher starts once more when "
                                + "this run's start was that first one), as every later ./run-local.sh does.",
                        String.format(Locale.ROOT, "RSS (VmRSS) of the stack's %d processes: %.2f GiB right after the start, "
                                        + "%.2f GiB after the scenarios. The harness, Gatling, wrk and P1-P3's comparison "
                                        + "gateways are not counted.", stack.processCount(),
                                rssAtStart / (1024.0 * 1024 * 1024), rssNow / (1024.0 * 1024 * 1024)),
                        "During preparation: " + invitationMail + "; " + warmUp + "; requests the harness tried again "
                                + "(bounded, honouring Retry-After): " + (Api.retried().isEmpty() ? "none" : Api.retried())
                                + "; the gateway's breakers by then: " + breakersWhilePreparing + ".")));
    }

    /**
     * Per downstream service whose gateway breaker refused calls: how many it refused and how many calls it
     * counted as failed (5xx, time-outs). Refusals without failures mean the breaker opened on slow calls.
     */
    private String breakerFigures() {
        String url = stack.url("gateway-management") + "/actuator/prometheus";
        try {
            List<String> open = new ArrayList<>();
            for (String service : List.of("question-service", "assessment-service", "scoring-service", "notification-service")) {
                String name = "name=\"" + service + "\"";
                double refused = Metrics.sum(url, "resilience4j_circuitbreaker_not_permitted_calls_total", name);
                double failed = Metrics.sum(url, "resilience4j_circuitbreaker_calls_seconds_count", name, "kind=\"failed\"");
                double ok = Metrics.sum(url, "resilience4j_circuitbreaker_calls_seconds_count", name, "kind=\"successful\"");
                if (refused > 0 || failed > 0) {
                    open.add(String.format(Locale.ROOT, "%s %.0f refused, %.0f failed, %.0f successful calls", service,
                            refused, failed, ok));
                }
            }
            return open.isEmpty() ? "no call refused or failed" : String.join("; ", open);
        } catch (RuntimeException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    // ---- preparation ------------------------------------------------------------------------------------------

    private List<Candidates.Candidate> ready(Candidates candidates, String testId, int count, String scenario,
                                             List<Candidates.AnswerBody> answers) {
        if (count == 0) {
            return List.of();   // a scenario this run leaves out
        }
        List<Candidates.Candidate> list = candidates.invite(testId, count, name(scenario),
                "perf-" + scenario.toLowerCase(Locale.ROOT) + "@perf.hirepipe.test");
        candidates.start(list);
        candidates.answer(list, answers);
        return list;
    }

    private static List<Candidates.AnswerBody> answers(JsonNode session) {
        List<Candidates.AnswerBody> answers = new ArrayList<>();
        for (JsonNode question : session.get("questions")) {
            String id = question.get("questionId").asString();
            if ("FREE_TEXT".equals(question.get("kind").asString())) {
                answers.add(new Candidates.AnswerBody(id, Map.of("text", FREE_TEXT)));
            } else {
                answers.add(new Candidates.AnswerBody(id, Map.of("selectedOptionIds",
                        List.of(question.get("options").get(0).get("id").asString()))));
            }
        }
        return answers;
    }

    private List<String> publishedQuestions(String recruiter, String kind, int count) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : gateway.get("/api/v1/questions?kind=" + kind + "&status=PUBLISHED&limit=" + count,
                "Authorization", Api.bearer(recruiter)).expect(200).json().get("items")) {
            ids.add(item.get("id").asString());
        }
        if (ids.size() < count) {
            throw new IllegalStateException("The demo tenant has only " + ids.size() + " published " + kind + " questions");
        }
        return ids;
    }

    private String createTest(String recruiter, String title, List<String> questionIds) {
        return gateway.post("/api/v1/tests", Map.of("title", "Perf " + runId + " " + title, "durationMinutes", 180,
                        "passMarkPercent", 50, "sections", List.of(Map.of("title", "All", "questionIds", questionIds))),
                "Authorization", Api.bearer(recruiter)).expect(201, 200).json().get("id").asString();
    }

    private String name(String scenario) {
        return scenario + "-" + runId;
    }


    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return String.format(Locale.ROOT, "%.1f GiB RAM",
                            Long.parseLong(line.replaceAll("[^0-9]", "")) / (1024.0 * 1024));
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "RAM unknown";
    }
}
