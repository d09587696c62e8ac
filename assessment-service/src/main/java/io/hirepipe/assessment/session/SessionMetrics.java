package io.hirepipe.assessment.session;

import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.defaults.metrics.ThrottledGauge;
import io.hirepipe.defaults.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The candidate side of the pipeline as the on-call sees it: sessions started, open and submitted
 * (by reason), and how long autosaves and starts take. Tags are bounded (reason, outcome), never an
 * id or a tenant. Everything is registered at zero at start-up so rules never see a missing series.
 */
@Component
class SessionMetrics {

    /** The autosave objective: p99 under this. A bucket boundary exactly there makes the SLI exact. */
    static final Duration AUTOSAVE_OBJECTIVE = Duration.ofMillis(200);

    private final Counter started;
    private final Map<SubmitReason, Counter> submitted = new EnumMap<>(SubmitReason.class);
    private final Map<String, Timer> autosaves;
    private final Map<String, Timer> starts;

    SessionMetrics(MeterRegistry meters, SessionStore sessions) {
        this.started = Counter.builder("hirepipe.sessions.started")
                .description("Assessment sessions started by candidates").register(meters);
        for (SubmitReason reason : SubmitReason.values()) {
            submitted.put(reason, Counter.builder("hirepipe.sessions.submitted")
                    .description("Sessions closed: by the candidate, or at the deadline (timeout)")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(meters));
        }
        // A cached count refreshed at most every ten seconds, when scraped: counted in MongoDB because sessions are
        // shared by all instances and outlive them (a count kept from this instance's starts and submits would
        // miss the others' and the deadline sweep's, and start from zero after a restart). It asks only for the
        // sessions that hold openSession: MongoDB counts them on the status_deadline index, the local stack's
        // reads only them, not every invitation with its answers.
        ThrottledGauge.register(meters, "hirepipe.sessions.active", "Sessions started and not yet submitted",
                Duration.ofSeconds(10), sessions::countRunning);
        this.autosaves = Map.of(
                "stored", autosaveTimer(meters, "stored"),
                "unchanged", autosaveTimer(meters, "unchanged"),
                "refused", autosaveTimer(meters, "refused"),
                "error", autosaveTimer(meters, "error"));
        this.starts = Map.of(
                "success", startTimer(meters, "success"),
                "refused", startTimer(meters, "refused"),
                "error", startTimer(meters, "error"));
    }

    void sessionStarted() {
        started.increment();
    }

    void sessionSubmitted(SubmitReason reason) {
        submitted.get(reason).increment();
    }

    /** Times one autosave; outcome stored, unchanged (a stale or repeated save), refused (4xx) or error. */
    AnswerView timeAutosave(Supplier<AnswerView> save) {
        return time(autosaves, save, view -> view.applied() ? "stored" : "unchanged");
    }

    SessionView timeStart(Supplier<SessionView> start) {
        return time(starts, start, view -> "success");
    }

    private static <T> T time(Map<String, Timer> timers, Supplier<T> call, Function<T, String> outcome) {
        long begin = System.nanoTime();
        String result = "error";
        try {
            T value = call.get();
            result = outcome.apply(value);
            return value;
        } catch (ProblemException e) {
            result = e.getStatusCode().is4xxClientError() ? "refused" : "error";
            throw e;
        } finally {
            timers.get(result).record(Duration.ofNanos(System.nanoTime() - begin));
        }
    }

    private static Timer autosaveTimer(MeterRegistry meters, String outcome) {
        return Timer.builder("hirepipe.sessions.autosave")
                .description("Answer autosaves as assessment-service handles them")
                .tag("outcome", outcome)
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), AUTOSAVE_OBJECTIVE,
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2))
                .register(meters);
    }

    private static Timer startTimer(MeterRegistry meters, String outcome) {
        return Timer.builder("hirepipe.sessions.start")
                .description("Session starts (freezing the questions, fixing the deadline)")
                .tag("outcome", outcome)
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5))
                .register(meters);
    }
}
