package io.hirepipe.perf.gatling;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/** What the harness passes to a simulation: system properties set on the Gatling JVM it launches. */
public final class Settings {

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
     * The measured arrivals at {@link #rate()} for {@link #seconds()}, one user each, after {@link #warmUpSeconds()} of the
     * silent warm-up's requests at the same rate when the harness asks for one: without them a fresh Gatling JVM and a
     * path no request has taken yet were measured.
     *
     * <p>The warm-up's requests come from a few users that each send one every {@code users ÷ rate} seconds, not from a
     * user per request. Gatling 3.13 writes a record to its result log for each user's start and end, and writes the
     * first logged response's empty message without checking the room left in its 8 KB buffer
     * ({@code BufferedFileChannelWriter.writeString}): after the 18,000 user records of 45 s at 200/s, the first counted
     * response overflowed the buffer in three P4 runs of about a dozen, and Gatling printed no statistics. With a few
     * dozen users the first counted response is written while the buffer is nearly empty.
     *
     * @param name the measured scenario's name; the warm-up's is this name + " warm-up"
     */
    static PopulationBuilder afterWarmUp(String name, ChainBuilder measured, ChainBuilder silentWarmUp) {
        PopulationBuilder counted = scenario(name).exec(measured)
                .injectOpen(constantUsersPerSec(rate()).during(seconds()));
        if (warmUpSeconds() == 0) {
            return counted;
        }
        int users = warmUpUsers(rate());
        long paceNanos = Math.round(users / rate() * 1e9);
        // all start at once, then each waits its share of one pace, so that the requests are evenly spaced (Gatling
        // never injects a ramp shorter than its one-second injection tick)
        return scenario(name + " warm-up")
                .pause(session -> Duration.ofNanos(session.userId() % users * paceNanos / users))
                .repeat(warmUpRequestsPerUser(rate(), warmUpSeconds())).on(pace(Duration.ofNanos(paceNanos)).exec(silentWarmUp))
                .injectOpen(atOnceUsers(users)).andThen(counted);
    }

    /**
     * How many requests the silent warm-up sends at {@code rate} for {@code seconds}: never more than
     * {@code ceil(rate × seconds)}, so a feeder of that many records (a queue) does not run dry.
     */
    public static int warmUpRequests(double rate, int seconds) {
        return warmUpUsers(rate) * warmUpRequestsPerUser(rate, seconds);
    }

    private static int warmUpUsers(double rate) {
        return (int) Math.ceil(rate / 10);
    }

    private static int warmUpRequestsPerUser(double rate, int seconds) {
        return Math.max(1, (int) Math.floor(seconds * rate / warmUpUsers(rate)));
    }

    static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-D" + name + " is required (infra/perf/run.sh sets it)");
        }
        return value;
    }
}
