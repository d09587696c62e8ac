package io.hirepipe.perf.gatling;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** P7: a cohort of candidates starts the same test, each once, at a fixed arrival rate. */
public class StartSimulation extends Simulation {

    HttpProtocolBuilder protocol = http.baseUrl(Settings.baseUrl()).shareConnections();

    ScenarioBuilder start = scenario("start")
            .feed(csv(Settings.feeder()).queue())
            .exec(http("start").post("/api/v1/candidate/assessment/start")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200)));

    {
        setUp(start.injectOpen(constantUsersPerSec(Settings.rate()).during(Settings.seconds()))).protocols(protocol);
    }
}
