package io.hirepipe.perf;

import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static io.hirepipe.perf.PerfContext.log;

/** P4: autosave through the gateway at the plan's rate, against a baseline at a low rate. */
final class AutosaveScenario {

    private final PerfContext run;

    AutosaveScenario(PerfContext run) {
        this.run = run;
    }

    /** Each program's CPU time so far, and the gateway's successful PUTs to assessment-service (autosaves). */
    private record SaveCost(Map<String, Duration> cpu, double saves) {
    }

    void measure(List<Candidates.Candidate> sessions, JsonNode question) {
        Plan plan = run.plan();
        Path feeder = run.csv("p4.csv", "token,questionId,optionId", sessions.stream().map(c -> c.token() + ","
                + question.get("questionId").asString() + "," + question.get("options").get(0).get("id").asString()).toList());
        Measurement baseline = run.gatling().run("autosave at " + Report.number(plan.autosaveBaselineRate()) + "/s (baseline)",
                "AutosaveSimulation", props(feeder, plan.autosaveBaselineRate(), Math.max(2, plan.autosaveSeconds() / 3)));
        // CPU per save over the measured seconds: read once the silent saves are over (the Gatling JVM's start
        // leaves a few seconds' margin), again at the end; the JIT is still compiling during the warm-up
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<SaveCost> warmed = timer.schedule(this::saveCost, plan.autosaveWarmUpSeconds() + 5L, TimeUnit.SECONDS);
        Measurement load;
        try {
            load = measuredRun(feeder);
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
        run.requireNoErrors("P4 baseline", baseline);
        run.requireNoErrors("P4", load);
        run.report().add(new Report.Scenario("P4", "autosave through the gateway at " + Report.number(plan.autosaveRate()) + " saves/s",
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
                                + CpuCost.perOperation(afterWarmUp.cpu(), atEnd.cpu(), saves, plan.autosaveRate(), "saves")
                                + ", on " + run.cores() + " cores.")));
    }

    /**
     * The measured autosave run, run once more if Gatling lost its own results: its result-log writer can overflow its
     * buffer on the first counted response (Gatling 3.13's BufferedFileChannelWriter; seen once in eight runs with the
     * 45 s warm-up), and it then prints no statistics. Saves can be sent again (each carries a newer sequence); starts
     * and submits cannot, so only this run is repeated.
     */
    private Measurement measuredRun(Path feeder) {
        String label = "autosave at " + Report.number(run.plan().autosaveRate()) + "/s";
        Map<String, String> properties = props(feeder, run.plan().autosaveRate(), run.plan().autosaveSeconds());
        try {
            return run.gatling().run(label, "AutosaveSimulation", properties);
        } catch (GatlingRun.NoStatistics lost) {
            log(lost.getMessage() + "; running it once more");
            return run.gatling().run(label, "AutosaveSimulation", properties);
        }
    }

    private SaveCost saveCost() {
        return new SaveCost(run.stack().cpuTimes(), Metrics.sum(run.stack().url("gateway-management") + "/actuator/prometheus",
                "http_server_requests_seconds_count", "route=\"assessment-service\"", "method=\"PUT\"", "status=\"200\""));
    }

    /** An autosave run's settings: its measured seconds come after the plan's silent warm-up. */
    private Map<String, String> props(Path feeder, double rate, int seconds) {
        return PerfContext.warmedUp(run.props(feeder, rate, seconds), run.plan().autosaveWarmUpSeconds());
    }
}
