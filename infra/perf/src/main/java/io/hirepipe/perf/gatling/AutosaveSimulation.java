package io.hirepipe.perf.gatling;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * P4: autosaves through the gateway at a fixed arrival rate (open model: a save arrives every 1/rate
 * seconds whatever the answers take), spread over the prepared running sessions.
 */
public class AutosaveSimulation extends Simulation {

    /** Sequence numbers only grow, so every save is newer than the one before it in its session. */
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

    HttpProtocolBuilder protocol = http.baseUrl(Settings.baseUrl()).contentTypeHeader("application/json")
            .shareConnections();

    {
        // the warm-up: the same saves, silent (Gatling does not count them)
        setUp(Settings.afterWarmUp("autosave", save("autosave", false), save("autosave warm-up", true))).protocols(protocol);
    }

    private static ChainBuilder save(String name, boolean silent) {
        HttpRequestActionBuilder save = http(name).put("/api/v1/candidate/assessment/answers/#{questionId}")
                .header("Authorization", "Bearer #{token}")
                .body(StringBody("{\"sequence\":#{sequence},\"selectedOptionIds\":[\"#{optionId}\"]}"))
                .check(status().is(200));
        return feed(csv(Settings.feeder()).circular())
                .exec(session -> session.set("sequence", SEQUENCE.incrementAndGet()))
                .exec(silent ? save.silent() : save);
    }
}
