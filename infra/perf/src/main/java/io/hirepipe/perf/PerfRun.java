package io.hirepipe.perf;

import io.hirepipe.stacklauncher.LocalStackProcess;
import io.hirepipe.stacklauncher.SharedStack;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.perf.gatling.Settings;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
    private static final Pattern NAME = Pattern.compile("(P(?:[0-9][a-z]?|W)-[a-z0-9]+-[0-9]{6})");
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
    private final Sink sink;
    private final Path work;
    private final GatlingRun gatling;
    private final Wrk wrk;
    private final String gatewayJvmOptions;
    private final ScenarioSelection scenarios;
    private String apiKey;
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
        this.sink = new Sink(stack.mailDir());
        this.gatling = new GatlingRun(work);
        this.wrk = new Wrk(work);
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
            apiKey = gateway.post("/api/v1/api-keys", Map.of("name", "perf " + runId, "scopes",
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
            boolean drained = await(() -> sink.all().stream().filter(m -> m.to().contains("@perf.hirepipe.test")
                    && !m.to().contains("perf-p")).count() >= invited, plan.drainSeconds());
            String invitationMail = invited + " invitation emails reached the sink " + (drained ? "" : "NOT all ")
                    + "within " + seconds(drainStart) + " s of the last invitation";
            log(invitationMail);
            if (gatewayScenarios) {
                comparisonGateways.forEach(gateway -> gateway.awaitReady(240_000));
                // a fresh access token (15 minutes): on a busy machine preparation alone can outlast the first one,
                // and wrk would then measure 401s
                String signedIn = signIn();
                scenario("P1-P3", () -> gatewayScenarios(signedIn, choice.get(0), slow, gatewayOn, gatewayOff, gatewaySlow));
                // the comparison gateways are not part of the stack the later scenarios measure (idle, each still
                // used about 1 % of a core: its Kafka consumer polling the stack JVM, its timers)
                closeGateways.run();
            }
            if (warmsSubmitPath) {
                scenario("submit path warm-up", () -> warmSubmitPath(pipelineWarmUp));
            }
            if (scenarios.includes("P4")) {
                scenario("P4", () -> autosave(autosave, firstChoice));
            }
            if (p5Runs) {
                scenario("P5", () -> submitToEmail(p5, p5Baseline));
            }
            Map<String, Object> choiceOnly = new HashMap<>();
            if (scenarios.includes("P6a")) {
                scenario("P6a", () -> choiceOnly.putAll(sustained("P6a", p6a, p6aTest, plan.choiceRate(), plan.choiceSeconds(), null)));
            }
            if (scenarios.includes("P6b")) {
                scenario("P6b", () -> sustained("P6b", p6b, p6bTest, plan.freeTextRate(), plan.freeTextSeconds(),
                        choiceOnly.isEmpty() ? null : choiceOnly));
            }
            if (scenarios.includes("P7")) {
                scenario("P7", () -> {
                    // The warm-up test's questions are fetched now, before P7 counts fetches: fetched while preparing,
                    // they were out of assessment-service's cache (60 s) by the time a full run reached P7, and its
                    // warm-up's re-fetch was counted as the cohort's (2 fetches in the sixteenth run).
                    candidates.start(p7WarmUp.subList(0, 1));
                    cohortStart(p7, p7Baseline, p7WarmUp.subList(1, p7WarmUp.size()));
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

    // ---- P1, P2, P3: wrk against the gateways and directly -------------------------------------------------

    private void gatewayScenarios(String recruiter, String questionId, DelayedBackend slow, ExtraGateway on,
                                  ExtraGateway off, ExtraGateway slowGateway) {
        Map<String, Object> claims = Api.JSON.readValue(java.util.Base64.getUrlDecoder().decode(recruiter.split("\\.")[1]),
                Map.class);
        String direct = "Bearer " + new InternalTokenIssuer(InternalTokenIssuer.parseKeys(stack.secret("gateway-internal-signing-keys")),
                "hirepipe", Duration.ofHours(1), Clock.systemUTC())
                .issue(Caller.recruiter("demo", String.valueOf(claims.get("sub")), RECRUITER_EMAIL), "question-service");
        String bearer = Api.bearer(recruiter);
        Map<String, String[]> targets = new LinkedHashMap<>();
        targets.put("direct to question-service", new String[]{"http://127.0.0.1:" + stack.port("question") + "/api/questions/" + questionId, direct});
        targets.put("the stack's gateway", new String[]{stack.url("gateway") + "/api/v1/questions/" + questionId, bearer});
        targets.put("gateway, limits+breakers on", new String[]{on.url() + "/api/v1/questions/" + questionId, bearer});
        targets.put("gateway, limits+breakers off", new String[]{off.url() + "/api/v1/questions/" + questionId, bearer});
        Map<String, Measurement> m = compare(targets);
        Measurement directM = m.get("direct to question-service");
        Measurement stackGateway = m.get("the stack's gateway");
        Measurement onM = m.get("gateway, limits+breakers on");
        Measurement offM = m.get("gateway, limits+breakers off");
        double p1 = stackGateway.perSecond() / directM.perSecond();
        report.add(new Report.Scenario("P1", "cheap authenticated GET: gateway ÷ direct", "≥ 0.6",
                ratio(p1) + " (gateway adds " + Report.number(stackGateway.p99Millis() - directM.p99Millis()) + " ms at p99)",
                p1 >= 0.6, List.of(new Report.Row(directM, 1.0), new Report.Row(stackGateway, p1)),
                List.of("`GET /api/v1/questions/{id}` through the stack's gateway with a recruiter JWT, and "
                                + "`GET /api/questions/{id}` straight to question-service with an internal token the harness "
                                + "signs with the stack's gateway key (as the gateway would); same connections, same rounds.",
                        "Ratio: throughput ÷ the direct baseline.")));
        double p3 = onM.perSecond() / offM.perSecond();
        report.add(new Report.Scenario("P3", "gateway with limits and breakers on ÷ off", "≥ 0.97", ratio(p3)
                + " (p99 " + Report.number(onM.p99Millis()) + " vs " + Report.number(offM.p99Millis()) + " ms)",
                p3 >= 0.97, List.of(new Report.Row(offM, 1.0), new Report.Row(onM, p3)),
                List.of("Two more gateways beside the stack's, on the same database and keys, started together and driven "
                        + "alike (the same warm-up, then in turn in the same rounds as P1): on, the perf profile (every budget "
                        + "a million, so limits are evaluated and never refuse, breakers and time limits as configured); off, "
                        + "`HIREPIPE_RATE_LIMITS_ENABLED=false` and `HIREPIPE_RESILIENCE_ENABLED=false`. The stack's own "
                        + "gateway is P1's: it has served the whole preparation, so its compiled code is not the twins'. "
                        + "Ratio: throughput ÷ off.")));

        Map<String, String[]> slowTargets = new LinkedHashMap<>();
        slowTargets.put("direct to a 50 ms backend", new String[]{slow.url() + "/api/questions/" + questionId, direct});
        slowTargets.put("gateway to the 50 ms backend", new String[]{slowGateway.url() + "/api/v1/questions/" + questionId, bearer});
        Map<String, Measurement> s = compare(slowTargets);
        Measurement slowDirect = s.get("direct to a 50 ms backend");
        Measurement slowGw = s.get("gateway to the 50 ms backend");
        double p2 = slowGw.perSecond() / slowDirect.perSecond();
        double added = slowGw.p99Millis() - slowDirect.p99Millis();
        report.add(new Report.Scenario("P2", "same GET with a backend that takes 50 ms", "ratio ≥ 0.95, added p99 ≤ 5 ms",
                ratio(p2) + ", added p99 " + Report.number(added) + " ms", p2 >= 0.95 && added <= 5,
                List.of(new Report.Row(slowDirect, 1.0), new Report.Row(slowGw, p2)),
                List.of("The backend is a loopback stub in the harness that answers after 50 ms (a thread per connection, "
                        + "so it never queues; Nagle off, so the body does not wait 40 ms for a delayed ACK); a second gateway (perf profile, limits and breakers on) routes "
                        + "question-service's paths to it. Nothing in the services changes for this.")));
    }

    private Map<String, Measurement> compare(Map<String, String[]> targets) {
        for (Map.Entry<String, String[]> target : targets.entrySet()) {
            log("warming up " + target.getKey());
            Measurement warm = wrk.run(target.getKey(), target.getValue()[0], target.getValue()[1], plan.wrkConnections(),
                    plan.wrkWarmupSeconds());
            // A short warm-up on a cold or busy stack may see no answer within its window; only the rounds
            // measure, so the warm-up reports failed requests but not an empty window.
            if (warm.count() > 0) {
                requireNoErrors("warm-up " + target.getKey(), warm);
            }
        }
        Map<String, List<Measurement>> rounds = new LinkedHashMap<>();
        List<Map.Entry<String, String[]>> order = new ArrayList<>(targets.entrySet());
        for (int round = 0; round < plan.wrkRounds(); round++) {
            for (Map.Entry<String, String[]> target : order) {
                Measurement m = wrk.run(target.getKey(), target.getValue()[0], target.getValue()[1], plan.wrkConnections(),
                        plan.wrkSeconds());
                log(String.format(Locale.ROOT, "  %-32s %8.0f req/s  p99 %6.1f ms  errors %d", target.getKey(),
                        m.perSecond(), m.p99Millis(), m.errors()));
                rounds.computeIfAbsent(target.getKey(), k -> new ArrayList<>()).add(m);
            }
            Collections.rotate(order, 1);   // a slow stretch of a shared machine falls on every target
        }
        Map<String, Measurement> means = new LinkedHashMap<>();
        rounds.forEach((label, list) -> {
            Measurement mean = Measurement.meanOf(label, list);
            requireNoErrors(label, mean);
            means.put(label, mean);
        });
        return means;
    }

    // ---- P4: autosave -----------------------------------------------------------------------------------------

    private void autosave(List<Candidates.Candidate> sessions, JsonNode question) {
        Path feeder = csv("p4.csv", "token,questionId,optionId", sessions.stream().map(c -> c.token() + ","
                + question.get("questionId").asString() + "," + question.get("options").get(0).get("id").asString()).toList());
        Measurement baseline = gatling.run("autosave at " + Report.number(plan.autosaveBaselineRate()) + "/s (baseline)",
                "AutosaveSimulation", autosaveProps(feeder, plan.autosaveBaselineRate(), Math.max(2, plan.autosaveSeconds() / 3)));
        // CPU per save over the measured seconds: read once the silent saves are over (the Gatling JVM's start
        // leaves a few seconds' margin), again at the end; the JIT is still compiling during the warm-up
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<SaveCost> warmed = timer.schedule(this::saveCost, plan.autosaveWarmUpSeconds() + 5L, TimeUnit.SECONDS);
        Measurement load;
        try {
            load = autosaveRun(feeder);
        } finally {
            timer.shutdownNow();
        }
        SaveCost atEnd = saveCost();
        SaveCost afterWarmUp = atEnd;
        try {
            afterWarmUp = warmed.isDone() && !warmed.isCancelled() ? warmed.get() : atEnd;
        } catch (ExecutionException unread) {
            // not read: the report then shows 0 saves rather than a figure over the wrong seconds
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        int saves = (int) Math.round(atEnd.saves() - afterWarmUp.saves());
        requireNoErrors("P4 baseline", baseline);
        requireNoErrors("P4", load);
        report.add(new Report.Scenario("P4", "autosave through the gateway at " + Report.number(plan.autosaveRate()) + " saves/s",
                "p99 < 20 ms, 0 errors", "p99 " + Report.number(load.p99Millis()) + " ms, " + load.errors() + " errors",
                load.p99Millis() < 20 && load.errors() == 0,
                List.of(new Report.Row(baseline, 1.0), new Report.Row(load, load.p99Millis() / baseline.p99Millis())),
                List.of(sessions.size() + " running sessions, each save a newer sequence for one choice question; "
                        + "an error is any answer but 200. Ratio: p99 ÷ the baseline's p99.",
                        "Each run (its own Gatling JVM) first sends " + plan.autosaveWarmUpSeconds() + " s of saves at its rate "
                                + "that Gatling does not count (silent requests; their errors are not counted either): "
                                + "without them the first seconds measured a cold start, the Gatling JVM's and the autosave path's.",
                        "CPU per save in the " + Report.number(plan.autosaveRate()) + "/s run (each program's CPU time from "
                                + "/proc from 5 s after its silent saves to its end: " + Report.number(saves) + " saves the "
                                + "gateway answered 200; the load generator not counted): "
                                + cpuPer(afterWarmUp.cpu(), atEnd.cpu(), saves, plan.autosaveRate(), "saves") + ", on "
                                + Runtime.getRuntime().availableProcessors() + " cores.")));
    }

    /**
     * The measured autosave run, run once more if Gatling lost its own results: its result-log writer can overflow its
     * buffer on the first counted response (Gatling 3.13's BufferedFileChannelWriter; seen once in eight runs with the
     * 45 s warm-up), and it then prints no statistics. Saves can be sent again (each carries a newer sequence); starts
     * and submits cannot, so only this run is repeated.
     */
    private Measurement autosaveRun(Path feeder) {
        String label = "autosave at " + Report.number(plan.autosaveRate()) + "/s";
        Map<String, String> properties = autosaveProps(feeder, plan.autosaveRate(), plan.autosaveSeconds());
        try {
            return gatling.run(label, "AutosaveSimulation", properties);
        } catch (GatlingRun.NoStatistics lost) {
            log(lost.getMessage() + "; running it once more");
            return gatling.run(label, "AutosaveSimulation", properties);
        }
    }

    /** Each program's CPU time so far, and the gateway's successful PUTs to assessment-service (autosaves). */
    private record SaveCost(Map<String, Duration> cpu, double saves) {
    }

    private SaveCost saveCost() {
        return new SaveCost(stack.cpuTimes(), Metrics.sum(stack.url("gateway-management") + "/actuator/prometheus",
                "http_server_requests_seconds_count", "route=\"assessment-service\"", "method=\"PUT\"", "status=\"200\""));
    }

    /** An autosave run's settings: its measured seconds come after the plan's silent warm-up. */
    private Map<String, String> autosaveProps(Path feeder, double rate, int seconds) {
        return warmedUp(props(feeder, rate, seconds), plan.autosaveWarmUpSeconds());
    }

    /** A Gatling run that first sends {@code seconds} of silent requests at its rate (Settings.afterWarmUp). */
    private static Map<String, String> warmedUp(Map<String, String> properties, int seconds) {
        properties.put("perf.warmUpSeconds", Integer.toString(seconds));
        return properties;
    }

    // ---- P5: submit → recruiter email --------------------------------------------------------------------------

    /**
     * Submissions measured by nothing, so that P5 and P6 meet a submit → score → email path the JIT has compiled,
     * as a service that has run for a while has: before this, P5 was the path's first load after the 12 warm-up
     * starts.
     */
    private void warmSubmitPath(List<Candidates.Candidate> prepared) {
        long started = System.nanoTime();
        Delivery delivery = submitAndDeliver("submit path warm-up at " + Report.number(plan.pipelineWarmUpRate()) + "/s",
                prepared, "perf-pw@perf.hirepipe.test", plan.pipelineWarmUpRate(), plan.pipelineWarmUpSeconds());
        Measurement e2e = delivery.endToEnd("warm-up");
        String line = "- Submit path warmed before P4-P7 (measured by no scenario): " + prepared.size() + " submissions at "
                + Report.number(plan.pipelineWarmUpRate()) + "/s, " + delivery.delivered() + " emailed within "
                + seconds(started) + " s; submit → email p50 " + Report.number(e2e.p50Millis()) + " ms, p99 "
                + Report.number(e2e.p99Millis()) + " ms";
        log(line.substring(2));
        report.header(line);
    }

    private void submitToEmail(List<Candidates.Candidate> prepared, int baselineCount) {
        String recruiter = "perf-p5@perf.hirepipe.test";
        List<Candidates.Candidate> baselineCandidates = prepared.subList(0, baselineCount);
        List<Candidates.Candidate> loadCandidates = prepared.subList(baselineCount, prepared.size());
        Delivery baseline = submitAndDeliver("submit at " + Report.number(plan.submitBaselineRate()) + "/s (baseline)",
                baselineCandidates, recruiter, plan.submitBaselineRate(), plan.submitBaselineSeconds());
        Delivery load = submitAndDeliver("submit at " + Report.number(plan.submitRate()) + "/s", loadCandidates, recruiter,
                plan.submitRate(), plan.submitSeconds());
        Measurement base = baseline.endToEnd("submit → email, " + Report.number(plan.submitBaselineRate()) + "/s (baseline)");
        Measurement e2e = load.endToEnd("submit → email, " + Report.number(plan.submitRate()) + "/s");
        report.add(new Report.Scenario("P5", "submit → recruiter email in the SMTP sink at " + Report.number(plan.submitRate())
                + " submissions/s", "p99 < 1 s", "p99 " + Report.number(e2e.p99Millis()) + " ms, " + load.lost().size()
                + " lost, " + load.duplicates() + " duplicated", e2e.p99Millis() < 1000 && load.lost().isEmpty(),
                List.of(new Report.Row(baseline.submits(), null), new Report.Row(base, 1.0),
                        new Report.Row(load.submits(), null), new Report.Row(e2e, e2e.p99Millis() / base.p99Millis())),
                List.of("From the moment Gatling has the submit's 200 to the moment the sink accepts the recruiter's "
                                + "report for that candidate (matched by the candidate's name in the subject). Throughput of "
                                + "an end-to-end row: emails ÷ (last email − first acknowledged submit). Errors: acknowledged "
                                + "submissions without an email within " + plan.drainSeconds() + " s. Ratio: p99 ÷ the baseline's p99.",
                        emailFigures())));
    }

    // ---- P6: sustained submissions ---------------------------------------------------------------------------

    private Map<String, Object> sustained(String id, List<Candidates.Candidate> prepared, String testId, double rate,
                                          int seconds, Map<String, Object> choiceOnly) {
        String recruiter = "perf-" + id.toLowerCase(Locale.ROOT) + "@perf.hirepipe.test";
        String scoring = "http://127.0.0.1:" + stack.port("scoring") + "/actuator/prometheus";
        double listenerSum = Metrics.sum(scoring, "spring_kafka_listener_seconds_sum");
        double listenerCount = Metrics.sum(scoring, "spring_kafka_listener_seconds_count");
        Map<String, Duration> cpuBefore = stack.cpuTimes();
        Delivery delivery = submitAndDeliver(id + ": submit at " + Report.number(rate) + "/s", prepared, recruiter, rate, seconds);
        Map<String, Duration> cpuAfter = stack.cpuTimes();
        double perSubmission = (Metrics.sum(scoring, "spring_kafka_listener_seconds_sum") - listenerSum)
                / Math.max(1, Metrics.sum(scoring, "spring_kafka_listener_seconds_count") - listenerCount);
        Measurement e2e = delivery.endToEnd(id + ": submitted → emailed");
        Measurement steady = delivery.steady(id + ": emails at the sink, middle 80 %");
        ResultsCheck results = results(testId, prepared);
        if (results.missing() > 0 || results.duplicates() > 0) {
            report.problem(id + ": the results API has " + results.missing() + " missing and " + results.duplicates()
                    + " duplicated results");
        }
        boolean choice = "P6a".equals(id);
        List<String> notes = new ArrayList<>(List.of(prepared.size() + " prepared sessions ("
                + (choice ? "5 single-choice answers" : "4 free-text answers of about 100 words") + ") submitted at "
                + Report.number(rate) + "/s (an offered rate above what the pipeline drains), then counted at the sink: "
                + delivery.delivered() + " emails, " + delivery.lost().size() + " lost, " + delivery.duplicates()
                + " duplicated; results API: " + results.found() + " results, " + results.missing() + " missing, "
                + results.duplicates() + " duplicated.",
                String.format(Locale.ROOT, "scoring-service's Kafka listener spent %.1f ms per submission (its "
                        + "spring_kafka_listener_seconds, all listeners).", perSubmission * 1000)));
        double throughput = e2e.perSecond();
        notes.add("CPU per submission (each program's CPU time from /proc, from before the first submit until the sink "
                + "had every email, " + prepared.size() + " submissions; the load generator not counted): "
                + cpuPer(cpuBefore, cpuAfter, prepared.size(), throughput, "submissions") + ", on "
                + Runtime.getRuntime().availableProcessors() + " cores.");
        String result;
        boolean met;
        Double ratio = null;
        if (choice) {
            result = Report.number(throughput) + "/s end to end (" + Report.number(steady.perSecond()) + "/s steady)";
            met = throughput >= 300 && delivery.lost().isEmpty() && delivery.duplicates() == 0;
        } else {
            double choiceListener = choiceOnly == null ? Double.NaN : (double) choiceOnly.get("listenerPerSubmission");
            double share = perSubmission <= 0 ? Double.NaN : Math.max(0, (perSubmission - choiceListener) / perSubmission);
            ratio = choiceOnly == null ? null : throughput / (double) choiceOnly.get("throughput");
            result = "ceiling " + Report.number(throughput) + "/s end to end (" + Report.number(steady.perSecond())
                    + "/s steady), grading ≈ " + Report.number(share * 100) + " % of scoring's time";
            met = delivery.lost().isEmpty() && delivery.duplicates() == 0;
            notes.add("Share of time spent grading: (listener time per submission here − with choice answers only) ÷ "
                    + "listener time per submission here; both runs store, publish and email alike, the difference is "
                    + "free-text grading.");
        }
        notes.add("Ratio: throughput ÷ " + (choice ? "the target, 300/s" : "P6a's throughput") + ".");
        report.add(new Report.Scenario(id, choice ? "sustained submissions/s end to end, choice only"
                : "sustained submissions/s end to end, 4 free-text answers of ~100 words",
                choice ? "≥ 300/s, 0 lost, 0 duplicated" : "report the ceiling and the share of time grading; 0 lost, 0 duplicated",
                result + ", " + delivery.lost().size() + " lost, " + delivery.duplicates() + " duplicated", met,
                List.of(new Report.Row(delivery.submits(), null), new Report.Row(e2e, choice ? throughput / 300 : ratio),
                        new Report.Row(steady, null)), notes));
        return Map.of("throughput", throughput, "listenerPerSubmission", perSubmission);
    }

    // ---- P7: a cohort starts ------------------------------------------------------------------------------------

    private void cohortStart(List<Candidates.Candidate> prepared, int baselineCount, List<Candidates.Candidate> warmUp) {
        int baselineWarmUp = Settings.warmUpRequests(plan.startBaselineRate(), plan.startWarmUpSeconds());
        String question = "http://127.0.0.1:" + stack.port("question") + "/actuator/prometheus";
        double fetchesBefore = Metrics.sum(question, "http_server_requests_seconds_count", "uri=\"/api/tests/{id}/delivery\"");
        Measurement baseline = gatling.run("start at " + Report.number(plan.startBaselineRate()) + "/s (baseline)",
                "StartSimulation", startProps(csv("p7-baseline.csv", "token", prepared.subList(0, baselineCount).stream()
                        .map(Candidates.Candidate::token).toList()), plan.startBaselineRate(), plan.startBaselineSeconds(),
                        warmUp.subList(0, baselineWarmUp), "p7-baseline-warm-up.csv"));
        List<Candidates.Candidate> cohort = prepared.subList(baselineCount, prepared.size());
        Map<String, Double> inServiceBefore = startsWithin();
        Map<String, Double> atGatewayBefore = startsThroughGateway();
        Map<String, Duration> cpuBefore = stack.cpuTimes();
        Measurement load = gatling.run(cohort.size() + " starts in " + plan.startSeconds() + " s", "StartSimulation",
                startProps(csv("p7.csv", "token", cohort.stream().map(Candidates.Candidate::token).toList()), plan.startRate(),
                        plan.startSeconds(), warmUp.subList(baselineWarmUp, warmUp.size()), "p7-warm-up.csv"));
        double fetches = Metrics.sum(question, "http_server_requests_seconds_count", "uri=\"/api/tests/{id}/delivery\"")
                - fetchesBefore;
        Map<String, Duration> cpuAfter = stack.cpuTimes();
        Map<String, Double> inServiceAfter = startsWithin();
        Map<String, Double> atGatewayAfter = startsThroughGateway();
        double timed = inServiceAfter.get("any time") - inServiceBefore.get("any time");
        int starts = cohort.size() + Settings.warmUpRequests(plan.startRate(), plan.startWarmUpSeconds());
        requireNoErrors("P7 baseline", baseline);
        requireNoErrors("P7", load);
        report.add(new Report.Scenario("P7", cohort.size() + " candidates start one test within " + plan.startSeconds() + " s",
                "start p99 < 200 ms; question-service fetches = 1 per test version",
                "p99 " + Report.number(load.p99Millis()) + " ms, " + Report.number(fetches) + " fetch(es) for 1 test version",
                load.p99Millis() < 200 && fetches == 1,
                List.of(new Report.Row(baseline, 1.0), new Report.Row(load, load.p99Millis() / baseline.p99Millis())),
                List.of("Candidate tokens were exchanged beforehand; each start is `POST /api/v1/candidate/assessment/start` "
                                + "through the gateway. Ratio: p99 ÷ the baseline's p99.",
                        "Each run (its own Gatling JVM) first has other candidates, of another test, start at its rate for "
                                + plan.startWarmUpSeconds() + " s, silently (not counted): without them the fresh Gatling "
                                + "JVM's first seconds were a large part of a 10 s run.",
                        "Fetches: question-service's `http_server_requests_seconds_count{uri=\"/api/tests/{id}/delivery\"}` "
                                + "before the baseline and after the cohort, for a test no session had started before.",
                        "The same starts as assessment-service timed them itself (its `hirepipe.sessions.start` timer, "
                                + "successes" + (stack.instances() > 1 ? ", first instance" : "") + "): of "
                                + Report.number(timed) + " (the cohort and its warm-up), "
                                + bucketDifferences(inServiceBefore, inServiceAfter) + "; as the gateway timed them "
                                + "(`http.server.requests`, route assessment-service, POST 200: from the request's "
                                + "arrival to the response's end): " + bucketDifferences(atGatewayBefore, atGatewayAfter)
                                + ". What the table adds to the gateway's is the connections' and the load generator's.",
                        "CPU per start while the cohort ran (each program's CPU time from /proc over the run, its "
                                + Report.number(starts) + " starts; the load generator not counted): "
                                + cpuPer(cpuBefore, cpuAfter, starts, plan.startRate(), "starts") + ", on " + Runtime.getRuntime().availableProcessors()
                                + " cores.")));
    }

    private static String bucketDifferences(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream().filter(bucket -> !bucket.getKey().equals("any time"))
                .map(bucket -> Report.number(bucket.getValue() - before.get(bucket.getKey())) + " within " + bucket.getKey())
                .collect(Collectors.joining(", ")) + " of " + Report.number(after.get("any time") - before.get("any time"));
    }

    /** "gateway 5.2 ms, … ; together 23.1 ms, 2.3 cores at 100 starts/s": each program's CPU per operation. */
    private static String cpuPer(Map<String, Duration> before, Map<String, Duration> after, int operations, double rate,
                                 String what) {
        Map<String, Double> millis = new LinkedHashMap<>();
        after.forEach((program, cpu) -> millis.put(program,
                cpu.minus(before.getOrDefault(program, Duration.ZERO)).toNanos() / 1e6 / Math.max(1, operations)));
        double together = millis.values().stream().mapToDouble(Double::doubleValue).sum();
        return millis.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(program -> program.getKey() + " " + String.format(Locale.ROOT, "%.2f ms", program.getValue()))
                .collect(Collectors.joining(", "))
                + String.format(Locale.ROOT, "; together %.1f ms, %.2f cores at %s %s/s", together,
                together * rate / 1000, Report.number(rate), what);
    }

    private Map<String, String> startProps(Path feeder, double rate, int seconds, List<Candidates.Candidate> warmUp,
                                           String warmUpFile) {
        Map<String, String> properties = warmedUp(props(feeder, rate, seconds), plan.startWarmUpSeconds());
        properties.put("perf.warmUpFeeder", csv(warmUpFile, "token", warmUp.stream().map(Candidates.Candidate::token).toList())
                .toString());
        return properties;
    }

    /** assessment-service's successful starts so far per bucket of its start timer, "100 ms" → count. */
    private Map<String, Double> startsWithin() {
        return perBucket(Metrics.read("http://127.0.0.1:" + stack.port("assessment") + "/actuator/prometheus"),
                "hirepipe_sessions_start_seconds_bucket", "outcome=\"success\"");
    }

    /** The gateway's successful POSTs to assessment-service so far per bucket of its request timer. */
    private Map<String, Double> startsThroughGateway() {
        return perBucket(Metrics.read(stack.url("gateway-management") + "/actuator/prometheus"),
                "http_server_requests_seconds_bucket", "route=\"assessment-service\"", "method=\"POST\"",
                "status=\"200\"");
    }

    private static Map<String, Double> perBucket(Metrics metrics, String bucketMetric, String... labels) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (String[] bucket : new String[][] {{"100 ms", "0.1"}, {"200 ms", "0.2"}, {"500 ms", "0.5"}, {"1 s", "1.0"},
                {"5 s", "5.0"}, {"any time", "+Inf"}}) {
            String[] withBucket = Arrays.copyOf(labels, labels.length + 1);
            withBucket[labels.length] = "le=\"" + bucket[1] + "\"";
            counts.put(bucket[0], metrics.total(bucketMetric, withBucket));
        }
        return counts;
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

    // ---- shared steps -------------------------------------------------------------------------------------------

    /** Submissions of one load step and what the sink got for them. */
    record Delivery(Measurement submits, Map<String, Long> acks, Map<String, List<Instant>> emails, Set<String> lost,
                    int duplicates) {

        int delivered() {
            return (int) acks.keySet().stream().filter(emails::containsKey).count();
        }

        Measurement endToEnd(String label) {
            Histogram latency = new Histogram(3_600_000L, 3);
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (Map.Entry<String, Long> ack : acks.entrySet()) {
                first = Math.min(first, ack.getValue());
                List<Instant> arrived = emails.get(ack.getKey());
                if (arrived != null) {
                    long at = arrived.get(0).toEpochMilli();
                    last = Math.max(last, at);
                    latency.recordValue(Math.max(0, at - ack.getValue()));
                }
            }
            double span = Math.max(1, last - first) / 1000.0;
            return new Measurement(label, latency.getTotalCount(), latency.getTotalCount() / span,
                    latency.getValueAtPercentile(50), latency.getValueAtPercentile(95), latency.getValueAtPercentile(99),
                    lost.size());
        }

        /** Email arrival rate between the 10th and the 90th percentile arrival: the pipeline's steady drain rate. */
        Measurement steady(String label) {
            List<Long> arrivals = emails.values().stream().map(list -> list.get(0).toEpochMilli()).sorted().toList();
            if (arrivals.size() < 10) {
                return new Measurement(label, arrivals.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            int from = arrivals.size() / 10;
            int to = arrivals.size() * 9 / 10;
            double span = Math.max(1, arrivals.get(to) - arrivals.get(from)) / 1000.0;
            return new Measurement(label, to - from, (to - from) / span, Double.NaN, Double.NaN, Double.NaN, 0);
        }
    }

    private Delivery submitAndDeliver(String label, List<Candidates.Candidate> candidates, String recruiter, double rate,
                                      int seconds) {
        Path acksFile = work.resolve("acks-" + label.replaceAll("[^A-Za-z0-9]+", "-") + ".csv");
        Path feeder = csv(label.replaceAll("[^A-Za-z0-9]+", "-") + ".csv", "token,name",
                candidates.stream().map(c -> c.token() + "," + c.name()).toList());
        Map<String, String> properties = props(feeder, rate, seconds);
        properties.put("perf.acks", acksFile.toString());
        log(label + ": " + candidates.size() + " submissions");
        Measurement submits = gatling.run(label, "SubmitSimulation", properties);
        requireNoErrors(label, submits);
        Map<String, Long> acks = new HashMap<>();
        try {
            for (String line : Files.readAllLines(acksFile, StandardCharsets.UTF_8)) {
                String[] parts = line.split(",");
                acks.put(parts[0], Long.parseLong(parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long waitStart = System.nanoTime();
        await(() -> acks.keySet().stream().allMatch(reportsTo(recruiter)::containsKey), plan.drainSeconds());
        log(label + ": emails in " + seconds(waitStart) + " s after the last submit");
        Map<String, List<Instant>> emails = reportsTo(recruiter);
        Set<String> lost = acks.keySet().stream().filter(name -> !emails.containsKey(name)).collect(Collectors.toSet());
        int duplicates = emails.values().stream().mapToInt(list -> list.size() - 1).sum();
        if (!lost.isEmpty()) {
            report.problem(label + ": " + lost.size() + " acknowledged submissions without a recruiter email within "
                    + plan.drainSeconds() + " s");
        }
        if (duplicates > 0) {
            report.problem(label + ": " + duplicates + " duplicated recruiter emails");
        }
        return new Delivery(submits, acks, emails, lost, duplicates);
    }

    /** Recruiter reports in the sink by candidate name, each with its arrival times (more than one is a duplicate). */
    private Map<String, List<Instant>> reportsTo(String recruiter) {
        Map<String, List<Instant>> byName = new HashMap<>();
        for (Sink.Mail mail : sink.to(recruiter)) {
            Matcher m = NAME.matcher(mail.subject());
            if (m.find()) {
                byName.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(mail.arrivedAt());
            }
        }
        byName.values().forEach(Collections::sort);
        return byName;
    }

    record ResultsCheck(int found, int missing, int duplicates) {
    }

    /** Every prepared candidate of the test has exactly one result in the results API. */
    private ResultsCheck results(String testId, List<Candidates.Candidate> prepared) {
        Map<String, Integer> byName = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = gateway.get("/api/v1/results?testId=" + testId + "&limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), "X-Api-Key", apiKey).expect(200).json();
            for (JsonNode row : page.get("items")) {
                byName.merge(row.path("candidate").path("name").asString(), 1, Integer::sum);
            }
            cursor = page.path("hasMore").asBoolean() ? page.path("nextCursor").asString() : null;
        } while (cursor != null);
        int missing = (int) prepared.stream().filter(c -> !byName.containsKey(c.name())).count();
        int duplicates = byName.values().stream().mapToInt(n -> n - 1).sum();
        return new ResultsCheck(byName.values().stream().mapToInt(Integer::intValue).sum(), missing, duplicates);
    }

    private String emailFigures() {
        String url = "http://127.0.0.1:" + stack.port("notification") + "/actuator/prometheus";
        double sum = Metrics.sum(url, "hirepipe_notification_email_lag_seconds_sum", "recruiter_score_report");
        double count = Metrics.sum(url, "hirepipe_notification_email_lag_seconds_count", "recruiter_score_report");
        String scoringUrl = "http://127.0.0.1:" + stack.port("scoring") + "/actuator/prometheus";
        double scoringSum = Metrics.sum(scoringUrl, "hirepipe_scoring_lag_seconds_sum");
        double scoringCount = Metrics.sum(scoringUrl, "hirepipe_scoring_lag_seconds_count");
        double scored = 1000 * scoringSum / Math.max(1, scoringCount);
        double emailed = 1000 * sum / Math.max(1, count);
        return String.format(Locale.ROOT, "The services' own figures so far (means, all scenarios): submit → stored result "
                + "%.0f ms (hirepipe_scoring_lag_seconds), submit → report accepted by SMTP %.0f ms "
                + "(hirepipe_notification_email_lag_seconds{kind=\"recruiter_score_report\"}, which counts from the submit), "
                + "so about %.0f ms from the stored result to the email.", scored, emailed, Math.max(0, emailed - scored));
    }

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

    private Map<String, String> props(Path feeder, double rate, int seconds) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("perf.baseUrl", stack.url("gateway"));
        properties.put("perf.feeder", feeder.toString());
        properties.put("perf.rate", Double.toString(rate));
        properties.put("perf.seconds", Integer.toString(seconds));
        return properties;
    }

    private Path csv(String file, String header, List<String> rows) {
        Path path = work.resolve(file);
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        try {
            Files.write(path, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }

    private void requireNoErrors(String what, Measurement m) {
        if (m.count() == 0) {
            report.problem(what + ": no request completed, nothing was measured");
        } else if (m.errors() > 0) {
            report.problem(what + ": " + m.errors() + " errors of " + m.count() + " requests");
        }
    }

    private static boolean await(java.util.function.BooleanSupplier condition, int seconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LocalStackProcess.sleep(Duration.ofMillis(500));
        }
        return condition.getAsBoolean();
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static long seconds(long sinceNanos) {
        return Duration.ofNanos(System.nanoTime() - sinceNanos).toSeconds();
    }

    private static void log(String message) {
        System.out.println("[perf " + java.time.LocalTime.now().withNano(0) + "] " + message);
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
