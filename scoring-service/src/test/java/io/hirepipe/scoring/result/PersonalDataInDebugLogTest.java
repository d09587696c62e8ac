package io.hirepipe.scoring.result;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.scoring.ScoringServiceTest;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.VerboseLogging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.hirepipe.scoring.TestEvents.envelope;
import static io.hirepipe.scoring.TestEvents.id;
import static io.hirepipe.scoring.TestEvents.replicationVersusSharding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator chasing a problem turns Spring MVC, the Kafka listeners and producers and this service's own loggers
 * to DEBUG or TRACE: they then log the bodies, events and records that go through them. A submission with a free-text
 * answer is scored, read, adjusted with a reason and finalised, exported, and a dead-lettered submission is listed and
 * replayed; the log holds no answer, no evidence quoted from it, no candidate and no reviewer or their reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInDebugLogTest extends ScoringServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final List<String> VERBOSE = List.of("org.springframework.web", "org.springframework.kafka",
            "io.hirepipe");

    private final EventTopics kafka = EventTopics.shared();

    @Test
    void theVerboseLogHoldsNoAnswerEvidencePersonOrReason(CapturedOutput output) {
        String tenant = "tenant-log-" + id("t");
        String name = "Ada Lovelace-Byron";
        String email = "ada.byron." + id("c") + "@example.org";
        String reviewer = "rita.reviewer." + id("r") + "@acme.example";
        String copies = "Replication copies the data to read replicas that Ada keeps warm";
        String splits = "Sharding splits the data across servers by Ada's own shard key";
        String reason = "Ada explained the shard key in her own words " + id("why");
        HttpApi rita = api(Caller.recruiter(tenant, "user-rita", reviewer));
        String question = id("q-free");
        try (VerboseLogging verbose = VerboseLogging.at(LogLevel.TRACE, VERBOSE)) {
            kafka.publish(envelope(replicationVersusSharding(question, 1), tenant));
            String session = id("ses");
            kafka.publish(envelope(submitted(session, name, email, reviewer, question, copies + ". " + splits + "."),
                    tenant));
            await().atMost(WAIT).until(() -> rita.get("/api/results/" + session).status() == 200);
            JsonNode result = rita.get("/api/results/" + session).expect(200);
            assertThat(result.toString()).as("the result quotes the answer as evidence").contains("Ada");

            rita.put("/api/results/" + session + "/items/" + question, Map.of("points", 4.5, "reason", reason))
                    .expect(200);
            rita.post("/api/results/" + session + "/finalize", Map.of("acceptMachineScores", true)).expect(200);
            rita.get("/api/results?limit=10").expect(200);
            assertThat(rita.get("/api/results/export.csv").body()).contains(name);

            String parked = id("ses");
            EventEnvelope<AssessmentSubmitted> deadLettered = envelope(submitted(parked, name, email, reviewer,
                    question, splits), tenant);
            kafka.publishRaw(Topics.deadLetterOf(Topics.SUBMISSIONS), parked, EventJson.toJson(deadLettered));
            String letter = awaitDeadLetter(rita, deadLettered.eventId());
            rita.post("/api/operations/scoring/dead-letters/" + letter + "/replay", null).expect(200);
            await().atMost(WAIT).until(() -> rita.get("/api/results/" + parked).status() == 200);
        }

        assertThat(output).as("Spring MVC and the Kafka listeners logged what went through them")
                .contains("ItemAdjustmentRequest[", "ResultView[", "Processing [");
        assertThat(output.toString()).doesNotContain(copies).doesNotContain(splits).doesNotContain(reason)
                .doesNotContain(name).doesNotContainIgnoringCase(email).doesNotContainIgnoringCase(reviewer);
    }

    private static AssessmentSubmitted submitted(String session, String name, String email, String recruiter,
                                                 String question, String answer) {
        return new AssessmentSubmitted(session, id("inv"), "test-backend", "Backend basics", new Person(name, email),
                recruiter, 60, SubmitReason.CANDIDATE, Instant.parse("2026-03-01T09:00:00Z"),
                Instant.parse("2026-03-01T09:40:00Z"),
                List.of(new SubmittedAnswer(question, 1, List.of(), answer, "Replication vs sharding")));
    }

    private static String awaitDeadLetter(HttpApi api, String eventId) {
        String[] found = new String[1];
        await().atMost(WAIT).until(() -> {
            api.get("/api/operations/scoring/dead-letters?limit=500").expect(200).get("items").values().stream()
                    .filter(l -> eventId.equals(l.path("eventId").asString())).findFirst()
                    .ifPresent(l -> found[0] = l.path("id").asString());
            return found[0] != null;
        });
        return found[0];
    }
}
