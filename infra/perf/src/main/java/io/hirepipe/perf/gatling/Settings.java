package io.hirepipe.perf.gatling;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

import java.util.function.Supplier;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

/** What the harness passes to a simulation: system properties set on the Gatling JVM it launches. */
final class Settings {

    private Settings() {
    }

    static String baseUrl() {
        return required("perf.baseUrl");
    }

    static String feeder() {
        return required("perf.feeder");
    }

    static double rate() {
        return Double.parseDouble(required("perf.rate"));
    }

    static int seconds() {
        return Integer.parseInt(required("perf.seconds"));
    }

    /** Seconds of requests sent first at the same rate and not counted (optional, 0 if absent). */
    static int warmUpSeconds() {
        String value = System.getProperty("perf.warmUpSeconds");
        return value == null || value.isBlank() ? 0 : Integer.parseInt(value);
    }

    /**
     * The measured arrivals at {@link #rate()} for {@link #seconds()}, after {@link #warmUpSeconds()} of the silent
     * warm-up's arrivals at the same rate when the harness asks for one: without them a fresh Gatling JVM and a path no
     * request has taken yet were measured.
     */
    static PopulationBuilder afterWarmUp(ScenarioBuilder measured, Supplier<ScenarioBuilder> silentWarmUp) {
        PopulationBuilder counted = measured.injectOpen(constantUsersPerSec(rate()).during(seconds()));
        return warmUpSeconds() > 0
                ? silentWarmUp.get().injectOpen(constantUsersPerSec(rate()).during(warmUpSeconds())).andThen(counted)
                : counted;
    }

    static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + name + " is required (infra/perf/run.sh sets it)");
        }
        return value;
    }
}
