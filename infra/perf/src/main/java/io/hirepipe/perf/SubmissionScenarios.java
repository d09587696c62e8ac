package io.hirepipe.perf;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.hirepipe.perf.PerfContext.log;
import static io.hirepipe.perf.PerfContext.seconds;

/**
 * P5 (submit → recruiter email at a fixed rate), P6 (sustained submissions, choice only and with free text) and the
 * unmeasured submissions that warm the path first. Every submission is counted at the edges: the submit's
 * acknowledgement, the recruiter's email in the sink, and (P6) the results API.
 */
final class SubmissionScenarios {

    /** A perf candidate's name, as the recruiter's report names it in its subject. */
    private static final Pattern NAME = Pattern.compile("(P(?:[0-9][a-z]?|W)-[a-z0-9]+-[0-9]{6})");

    private final PerfContext run;
    private final String apiKey;

    SubmissionScenarios(PerfContext run, String apiKey) {
        this.run = run;
        this.apiKey = apiKey;
    }

    /** What P6b compares itself with: P6a's end-to-end rate and scoring's listener time per submission. */
    record ChoiceOnly(double throughput, double listenerPerSubmission) {
    }

    /**
     * Submissions measured by nothing, so that P5 and P6 meet a submit → score → email path the JIT has compiled,
     * as a service that has run for a while has: before this, P5 was the path's first load after the 12 warm-up
     * starts.
     */
    void warmUp(List<Candidates.Candidate> prepared) {
        Plan plan = run.plan();
        long started = System.nanoTime();
        Delivery delivery = submitAndDeliver("submit path warm-up at " + Report.number(plan.pipelineWarmUpRate()) + "/s",
                prepared, "perf-pw@perf.hirepipe.test", plan.pipelineWarmUpRate(), plan.pipelineWarmUpSeconds());
        Measurement e2e = delivery.endToEnd("warm-up");
        String line = "- Submit path warmed before P4-P7 (measured by no scenario): " + prepared.size() + " submissions at "
                + Report.number(plan.pipelineWarmUpRate()) + "/s, " + delivery.delivered() + " emailed within "
                + seconds(started) + " s; submit → email p50 " + Report.number(e2e.p50Millis()) + " ms, p99 "
                + Report.number(e2e.p99Millis()) + " ms";
        log(line.substring(2));
        run.report().header(line);
    }

    /** P5: a baseline at a low rate, then the plan's rate; submit → email latency of each. */
    void submitToEmail(List<Candidates.Candidate> prepared, int baselineCount) {
        Plan plan = run.plan();
        String recruiter = "perf-p5@perf.hirepipe.test";
        Delivery baseline = submitAndDeliver("submit at " + Report.number(plan.submitBaselineRate()) + "/s (baseline)",
                prepared.subList(0, baselineCount), recruiter, plan.submitBaselineRate(), plan.submitBaselineSeconds());
        Delivery load = submitAndDeliver("submit at " + Report.number(plan.submitRate()) + "/s",
                prepared.subList(baselineCount, prepared.size()), recruiter, plan.submitRate(), plan.submitSeconds());
        Measurement base = baseline.endToEnd("submit → email, " + Report.number(plan.submitBaselineRate()) + "/s (baseline)");
        Measurement e2e = load.endToEnd("submit → email, " + Report.number(plan.submitRate()) + "/s");
        run.report().add(new Report.Scenario("P5", "submit → recruiter email in the SMTP sink at " + Report.number(plan.submitRate())
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

    /**
     * P6a (choiceOnly null: choice answers) or P6b (free text, compared with P6a's figures when it ran): submissions
     * offered above what the pipeline drains, counted at the sink and in the results API.
     */
    ChoiceOnly sustained(String id, List<Candidates.Candidate> prepared, String testId, double rate, int seconds,
                         ChoiceOnly choiceOnly) {
        String recruiter = "perf-" + id.toLowerCase(Locale.ROOT) + "@perf.hirepipe.test";
        String scoring = "http://127.0.0.1:" + run.stack().port("scoring") + "/actuator/prometheus";
        double listenerSum = Metrics.sum(scoring, "spring_kafka_listener_seconds_sum");
        double listenerCount = Metrics.sum(scoring, "spring_kafka_listener_seconds_count");
        Map<String, Duration> cpuBefore = run.stack().cpuTimes();
        Delivery delivery = submitAndDeliver(id + ": submit at " + Report.number(rate) + "/s", prepared, recruiter, rate, seconds);
        Map<String, Duration> cpuAfter = run.stack().cpuTimes();
        double perSubmission = (Metrics.sum(scoring, "spring_kafka_listener_seconds_sum") - listenerSum)
                / Math.max(1, Metrics.sum(scoring, "spring_kafka_listener_seconds_count") - listenerCount);
        Measurement e2e = delivery.endToEnd(id + ": submitted → emailed");
        Measurement steady = delivery.steady(id + ": emails at the sink, middle 80 %");
        ResultsCheck results = results(testId, prepared);
        if (results.missing() > 0 || results.duplicates() > 0) {
            run.report().problem(id + ": the results API has " + results.missing() + " missing and " + results.duplicates()
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
                + CpuCost.perOperation(cpuBefore, cpuAfter, prepared.size(), throughput, "submissions") + ", on "
                + run.cores() + " cores.");
        String result;
        boolean met;
        Double ratio = null;
        if (choice) {
            result = Report.number(throughput) + "/s end to end (" + Report.number(steady.perSecond()) + "/s steady)";
            met = throughput >= 300 && delivery.lost().isEmpty() && delivery.duplicates() == 0;
        } else {
            double choiceListener = choiceOnly == null ? Double.NaN : choiceOnly.listenerPerSubmission();
            double share = perSubmission <= 0 ? Double.NaN : Math.max(0, (perSubmission - choiceListener) / perSubmission);
            ratio = choiceOnly == null ? null : throughput / choiceOnly.throughput();
            result = "ceiling " + Report.number(throughput) + "/s end to end (" + Report.number(steady.perSecond())
                    + "/s steady), grading ≈ " + Report.number(share * 100) + " % of scoring's time";
            met = delivery.lost().isEmpty() && delivery.duplicates() == 0;
            notes.add("Share of time spent grading: (listener time per submission here − with choice answers only) ÷ "
                    + "listener time per submission here; both runs store, publish and email alike, the difference is "
                    + "free-text grading.");
        }
        notes.add("Ratio: throughput ÷ " + (choice ? "the target, 300/s" : "P6a's throughput") + ".");
        run.report().add(new Report.Scenario(id, choice ? "sustained submissions/s end to end, choice only"
                : "sustained submissions/s end to end, 4 free-text answers of ~100 words",
                choice ? "≥ 300/s, 0 lost, 0 duplicated" : "report the ceiling and the share of time grading; 0 lost, 0 duplicated",
                result + ", " + delivery.lost().size() + " lost, " + delivery.duplicates() + " duplicated", met,
                List.of(new Report.Row(delivery.submits(), null), new Report.Row(e2e, choice ? throughput / 300 : ratio),
                        new Report.Row(steady, null)), notes));
        return new ChoiceOnly(throughput, perSubmission);
    }

    private Delivery submitAndDeliver(String label, List<Candidates.Candidate> candidates, String recruiter, double rate,
                                      int seconds) {
        String file = label.replaceAll("[^A-Za-z0-9]+", "-");
        Path acksFile = run.work().resolve("acks-" + file + ".csv");
        Path feeder = run.csv(file + ".csv", "token,name", candidates.stream().map(c -> c.token() + "," + c.name()).toList());
        Map<String, String> properties = run.props(feeder, rate, seconds);
        properties.put("perf.acks", acksFile.toString());
        log(label + ": " + candidates.size() + " submissions");
        Measurement submits = run.gatling().run(label, "SubmitSimulation", properties);
        run.requireNoErrors(label, submits);
        Map<String, Long> acks = acknowledgements(acksFile);
        long waitStart = System.nanoTime();
        PerfContext.await(() -> acks.keySet().stream().allMatch(reportsTo(recruiter)::containsKey), run.plan().drainSeconds());
        log(label + ": emails in " + seconds(waitStart) + " s after the last submit");
        Map<String, List<Instant>> emails = reportsTo(recruiter);
        Set<String> lost = acks.keySet().stream().filter(name -> !emails.containsKey(name)).collect(Collectors.toSet());
        int duplicates = emails.values().stream().mapToInt(list -> list.size() - 1).sum();
        if (!lost.isEmpty()) {
            run.report().problem(label + ": " + lost.size() + " acknowledged submissions without a recruiter email within "
                    + run.plan().drainSeconds() + " s");
        }
        if (duplicates > 0) {
            run.report().problem(label + ": " + duplicates + " duplicated recruiter emails");
        }
        return new Delivery(submits, acks, emails, lost, duplicates);
    }

    /** The submits Gatling saw acknowledged: candidate name → epoch millis of the 200. */
    private static Map<String, Long> acknowledgements(Path acksFile) {
        Map<String, Long> acks = new HashMap<>();
        try {
            for (String line : Files.readAllLines(acksFile, StandardCharsets.UTF_8)) {
                String[] parts = line.split(",");
                acks.put(parts[0], Long.parseLong(parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return acks;
    }

    /** Recruiter reports in the sink by candidate name, each with its arrival times (more than one is a duplicate). */
    private Map<String, List<Instant>> reportsTo(String recruiter) {
        Map<String, List<Instant>> byName = new HashMap<>();
        for (Sink.Mail mail : run.sink().to(recruiter)) {
            Matcher m = NAME.matcher(mail.subject());
            if (m.find()) {
                byName.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(mail.arrivedAt());
            }
        }
        byName.values().forEach(Collections::sort);
        return byName;
    }

    private record ResultsCheck(int found, int missing, int duplicates) {
    }

    /** Every prepared candidate of the test has exactly one result in the results API. */
    private ResultsCheck results(String testId, List<Candidates.Candidate> prepared) {
        Map<String, Integer> byName = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = run.gateway().get("/api/v1/results?testId=" + testId + "&limit=100"
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
        String url = "http://127.0.0.1:" + run.stack().port("notification") + "/actuator/prometheus";
        double sum = Metrics.sum(url, "hirepipe_notification_email_lag_seconds_sum", "recruiter_score_report");
        double count = Metrics.sum(url, "hirepipe_notification_email_lag_seconds_count", "recruiter_score_report");
        String scoringUrl = "http://127.0.0.1:" + run.stack().port("scoring") + "/actuator/prometheus";
        double scoringSum = Metrics.sum(scoringUrl, "hirepipe_scoring_lag_seconds_sum");
        double scoringCount = Metrics.sum(scoringUrl, "hirepipe_scoring_lag_seconds_count");
        double scored = 1000 * scoringSum / Math.max(1, scoringCount);
        double emailed = 1000 * sum / Math.max(1, count);
        return String.format(Locale.ROOT, "The services' own figures so far (means, all scenarios): submit → stored result "
                + "%.0f ms (hirepipe_scoring_lag_seconds), submit → report accepted by SMTP %.0f ms "
                + "(hirepipe_notification_email_lag_seconds{kind=\"recruiter_score_report\"}, which counts from the submit), "
                + "so about %.0f ms from the stored result to the email.", scored, emailed, Math.max(0, emailed - scored));
    }
}
