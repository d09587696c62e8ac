package io.hirepipe.perf.gatling;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * P5 and P6: candidates submit at a fixed arrival rate, each a prepared session once. When the submit
 * is acknowledged, the candidate's name and the time go to {@code perf.acks}, so the harness can
 * measure submit acknowledged → recruiter email in the SMTP sink.
 */
public class SubmitSimulation extends Simulation {

    private final BufferedWriter acks;

    HttpProtocolBuilder protocol = http.baseUrl(Settings.baseUrl()).shareConnections();

    ScenarioBuilder submit;

    {
        try {
            acks = Files.newBufferedWriter(Path.of(Settings.required("perf.acks")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        submit = scenario("submit")
                .feed(csv(Settings.feeder()).queue())
                .exec(http("submit").post("/api/v1/candidate/assessment/submit")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().is(200)))
                .exec(session -> {
                    if (!session.isFailed()) {
                        acknowledged(session.getString("name"), System.currentTimeMillis());
                    }
                    return session;
                });
        setUp(submit.injectOpen(constantUsersPerSec(Settings.rate()).during(Settings.seconds()))).protocols(protocol);
    }

    private synchronized void acknowledged(String name, long epochMillis) {
        try {
            acks.write(name + "," + epochMillis + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void after() {
        synchronized (this) {
            try {
                acks.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
