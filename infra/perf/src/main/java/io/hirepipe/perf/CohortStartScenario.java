package io.hirepipe.perf;

import io.hirepipe.perf.gatling.Settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** P7: a cohort starts one test within seconds; start latency, and question-service's fetches for that test. */
final class CohortStartScenario {

    private static final String ANY_TIME = "any time";

    private final PerfContext run;

    CohortStartScenario(PerfContext run) {
        this.run = run;
    }

    void measure(List<Candidates.Candidate> prepared, int baselineCount, List<Candidates.Candidate> warmUp) {
        Plan plan = run.plan();
        int baselineWarmUp = Settings.warmUpRequests(plan.startBaselineRate(), plan.startWarmUpSeconds());
        String question = "http://127.0.0.1:" + run.stack().port("question") + "/actuator/prometheus";
        double fetchesBefore = Metrics.sum(question, "http_server_requests_seconds_count", "uri=\"/api/tests/{id}/delivery\"");
        Measurement baseline = run.gatling().run("start at " + Report.number(plan.startBaselineRate()) + "/s (baseline)",
                "StartSimulation", props(tokens("p7-baseline.csv", prepared.subList(0, baselineCount)),
                        plan.startBaselineRate(), plan.startBaselineSeconds(), warmUp.subList(0, baselineWarmUp),
                        "p7-baseline-warm-up.csv"));
        List<Candidates.Candidate> cohort = prepared.subList(baselineCount, prepared.size());
        Map<String, Double> inServiceBefore = startsWithin();
        Map<String, Double> atGatewayBefore = startsThroughGateway();
        Map<String, Duration> cpuBefore = run.stack().cpuTimes();
        Measurement load = run.gatling().run(cohort.size() + " starts in " + plan.startSeconds() + " s", "StartSimulation",
                props(tokens("p7.csv", cohort), plan.startRate(), plan.startSeconds(),
                        warmUp.subList(baselineWarmUp, warmUp.size()), "p7-warm-up.csv"));
        double fetches = Metrics.sum(question, "http_server_requests_seconds_count", "uri=\"/api/tests/{id}/delivery\"")
                - fetchesBefore;
        Map<String, Duration> cpuAfter = run.stack().cpuTimes();
        Map<String, Double> inServiceAfter = startsWithin();
        Map<String, Double> atGatewayAfter = startsThroughGateway();
        double timed = inServiceAfter.get(ANY_TIME) - inServiceBefore.get(ANY_TIME);
        int starts = cohort.size() + Settings.warmUpRequests(plan.startRate(), plan.startWarmUpSeconds());
        run.requireNoErrors("P7 baseline", baseline);
        run.requireNoErrors("P7", load);
        run.report().add(new Report.Scenario("P7", cohort.size() + " candidates start one test within " + plan.startSeconds() + " s",
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
                                + "successes" + (run.stack().instances() > 1 ? ", first instance" : "") + "): of "
                                + Report.number(timed) + " (the cohort and its warm-up), "
                                + bucketDifferences(inServiceBefore, inServiceAfter) + "; as the gateway timed them "
                                + "(`http.server.requests`, route assessment-service, POST 200: from the request's "
                                + "arrival to the response's end): " + bucketDifferences(atGatewayBefore, atGatewayAfter)
                                + ". What the table adds to the gateway's is the connections' and the load generator's.",
                        "CPU per start while the cohort ran (each program's CPU time from /proc over the run, its "
                                + Report.number(starts) + " starts; the load generator not counted): "
                                + CpuCost.perOperation(cpuBefore, cpuAfter, starts, plan.startRate(), "starts") + ", on "
                                + run.cores() + " cores.")));
    }

    private Path tokens(String file, List<Candidates.Candidate> candidates) {
        return run.csv(file, "token", candidates.stream().map(Candidates.Candidate::token).toList());
    }

    /** A start run's settings: its silent warm-up starts other candidates (of another test) first. */
    private Map<String, String> props(Path feeder, double rate, int seconds, List<Candidates.Candidate> warmUp,
                                      String warmUpFile) {
        Map<String, String> properties = PerfContext.warmedUp(run.props(feeder, rate, seconds), run.plan().startWarmUpSeconds());
        properties.put("perf.warmUpFeeder", tokens(warmUpFile, warmUp).toString());
        return properties;
    }

    /** assessment-service's successful starts so far per bucket of its start timer, "100 ms" → count. */
    private Map<String, Double> startsWithin() {
        return perBucket(Metrics.read("http://127.0.0.1:" + run.stack().port("assessment") + "/actuator/prometheus"),
                "hirepipe_sessions_start_seconds_bucket", "outcome=\"success\"");
    }

    /** The gateway's successful POSTs to assessment-service so far per bucket of its request timer. */
    private Map<String, Double> startsThroughGateway() {
        return perBucket(Metrics.read(run.stack().url("gateway-management") + "/actuator/prometheus"),
                "http_server_requests_seconds_bucket", "route=\"assessment-service\"", "method=\"POST\"",
                "status=\"200\"");
    }

    private static Map<String, Double> perBucket(Metrics metrics, String bucketMetric, String... labels) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (String[] bucket : new String[][] {{"100 ms", "0.1"}, {"200 ms", "0.2"}, {"500 ms", "0.5"}, {"1 s", "1.0"},
                {"5 s", "5.0"}, {ANY_TIME, "+Inf"}}) {
            String[] withBucket = Arrays.copyOf(labels, labels.length + 1);
            withBucket[labels.length] = "le=\"" + bucket[1] + "\"";
            counts.put(bucket[0], metrics.total(bucketMetric, withBucket));
        }
        return counts;
    }

    private static String bucketDifferences(Map<String, Double> before, Map<String, Double> after) {
        return after.entrySet().stream().filter(bucket -> !bucket.getKey().equals(ANY_TIME))
                .map(bucket -> Report.number(bucket.getValue() - before.get(bucket.getKey())) + " within " + bucket.getKey())
                .collect(Collectors.joining(", ")) + " of " + Report.number(after.get(ANY_TIME) - before.get(ANY_TIME));
    }
}
