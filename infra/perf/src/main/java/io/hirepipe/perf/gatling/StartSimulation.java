package io.hirepipe.perf.gatling;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * P7: a cohort of candidates starts the same test, each once, at a fixed arrival rate. Optionally other candidates
 * (of another test) start first at the same rate, silently, as the autosave runs warm up.
 */
public class StartSimulation extends Simulation {

    HttpProtocolBuilder protocol = http.baseUrl(Settings.baseUrl()).shareConnections();

    {
        setUp(Settings.afterWarmUp("start", start("start", Settings.feeder(), false),
                start("start warm-up", Settings.required("perf.warmUpFeeder"), true))).protocols(protocol);
    }

    private static ChainBuilder start(String name, String feeder, boolean silent) {
        HttpRequestActionBuilder start = http(name).post("/api/v1/candidate/assessment/start")
                .header("Authorization", "Bearer #{token}")
                .check(status().is(200));
        return feed(csv(feeder).queue()).exec(silent ? start.silent() : start);
    }
}
