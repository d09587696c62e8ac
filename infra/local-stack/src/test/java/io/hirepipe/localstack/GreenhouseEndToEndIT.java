package io.hirepipe.localstack;

import com.sun.net.httpserver.HttpServer;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Greenhouse's Assessment API end to end on the local stack: Greenhouse (this test) lists tests and
 * sends one with HTTP Basic through the gateway; the candidate gets the usual email and takes the
 * test; scoring makes the result final; notification-service PATCHes the callback URL once, and
 * Greenhouse's test_status read then says complete, with the score and a profile link a browser opens;
 * a recruiter changing the final result PATCHes it once more, and test_status has the new score.
 * Like Greenhouse, the stand-in reads test_status while answering each PATCH: the PATCH must never come
 * before assessment-service applied the result it announces.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedLocalStack.class)
class GreenhouseEndToEndIT {

    private static final Pattern TOKEN_IN_LINK = Pattern.compile("#token=([A-Za-z0-9_-]+)");
    private static final String CALLBACK_PATH = "/integrations/testing_partners/take_home_tests/4242";

    private LocalStack stack;
    private HttpApi anonymous;
    private HttpServer greenhouse;
    private final List<String> callbacks = new CopyOnWriteArrayList<>();
    /** What test_status said when read from within each PATCH, as Greenhouse does on it. */
    private final List<JsonNode> readsOnPatch = new CopyOnWriteArrayList<>();
    private volatile HttpApi asGreenhouse;
    private volatile String interviewId;

    @BeforeAll
    void start(SharedLocalStack.Stack shared) throws IOException {
        greenhouse = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        greenhouse.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                callbacks.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                        + exchange.getRequestHeaders().getFirst("Authorization") + " body=" + body.readAllBytes().length);
            }
            if ("PATCH".equals(exchange.getRequestMethod()) && interviewId != null) {
                readsOnPatch.add(asGreenhouse.get("/api/v1/integrations/greenhouse/test_status?partner_interview_id="
                        + interviewId).expect(200));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        greenhouse.start();
        stack = shared.get();
        anonymous = HttpApi.at(stack.gatewayUrl().toString());
    }

    @AfterAll
    void stop() {
        greenhouse.stop(0);
    }

    @Test
    void greenhouseSendsATestAndIsToldOnceWhenTheResultIsFinal() {
        JsonNode login = anonymous.post("/api/v1/auth/login", Map.of("email", stack.demo().recruiterEmail(),
                "password", stack.demo().recruiterPassword())).expect(200);
        HttpApi recruiter = anonymous.withBearer(login.get("token").asString());

        // A single-choice test is scored exactly, so its result is final at once.
        String questionId = recruiter.post("/api/v1/questions", Map.of("kind", "SINGLE_CHOICE",
                "title", "Partitions", "prompt", "What keeps one key's events in order?",
                "options", List.of(Map.of("id", "a", "text", "One partition per key"),
                        Map.of("id", "b", "text", "Many consumers")),
                "correctOptionIds", List.of("a"), "points", 3)).expect(201).get("id").asString();
        recruiter.post("/api/v1/questions/" + questionId + "/publish", Map.of()).expect(200);
        String testId = recruiter.post("/api/v1/tests", Map.of("title", "Greenhouse screen", "durationMinutes", 10,
                "passMarkPercent", 50, "sections", List.of(Map.of("title", "All", "questionIds", List.of(questionId)))))
                .expect(201).get("id").asString();

        // Set-up: a key with only the Greenhouse scope, given to Greenhouse and stored for its callback.
        String key = recruiter.post("/api/v1/api-keys", Map.of("name", "Greenhouse",
                "scopes", List.of("integrations:greenhouse"))).expect(201).get("key").asString();
        recruiter.put("/api/v1/integrations/greenhouse/settings", Map.of("reportTo", stack.demo().recruiterEmail(),
                "callbackApiKey", key)).expect(200);
        String basic = "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        asGreenhouse = anonymous.withAuthorization(basic);

        JsonNode tests = asGreenhouse.get("/api/v1/integrations/greenhouse/list_tests").expect(200);
        assertThat(tests.findValuesAsString("partner_test_id")).contains(testId);
        String callbackUrl = "http://127.0.0.1:" + greenhouse.getAddress().getPort() + CALLBACK_PATH;
        interviewId = asGreenhouse.post("/api/v1/integrations/greenhouse/send_test", Map.of(
                "partner_test_id", testId,
                "candidate", Map.of("first_name", "Kate", "last_name", "Austen", "email", "kate@example.com",
                        "phone_number", "123-456-7890",
                        "greenhouse_profile_url", "https://app.greenhouse.io/people/5345178?application_id=5699620"),
                "url", callbackUrl)).expect(200).get("partner_interview_id").asString();
        assertThat(asGreenhouse.get("/api/v1/integrations/greenhouse/test_status?partner_interview_id=" + interviewId)
                .expect(200).get("partner_status").asString()).isEqualTo("incomplete");
        asGreenhouse.get("/api/v1/invitations/" + interviewId).problem(401);

        // The candidate takes the test from the emailed link.
        String token = invitationToken("kate@example.com", "Greenhouse screen");
        HttpApi candidate = anonymous.withBearer(anonymous.post("/api/v1/auth/candidate",
                Map.of("invitationToken", token)).expect(200).get("token").asString());
        candidate.post("/api/v1/candidate/assessment/start", Map.of()).expect(200);
        candidate.put("/api/v1/candidate/assessment/answers/" + questionId,
                Map.of("sequence", 1, "selectedOptionIds", List.of("a"))).expect(200);
        candidate.post("/api/v1/candidate/assessment/submit", Map.of()).expect(200);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> !callbacks.isEmpty());
        assertThat(callbacks.get(0)).isEqualTo("PATCH " + CALLBACK_PATH + " " + basic + " body=0");
        await().atMost(Duration.ofSeconds(10)).until(() -> readsOnPatch.size() == 1);
        assertThat(readsOnPatch.get(0).get("partner_status").asString())
                .as("read while the PATCH is answered: Greenhouse never asks again after incomplete").isEqualTo("complete");
        assertThat(readsOnPatch.get(0).get("partner_score").asDouble()).isEqualTo(100.0);
        JsonNode status = asGreenhouse.get("/api/v1/integrations/greenhouse/test_status?partner_interview_id="
                + interviewId).expect(200);
        assertThat(status.get("partner_status").asString()).isEqualTo("complete");
        assertThat(status.get("partner_score").asDouble()).isEqualTo(100.0);
        assertThat(status.get("metadata").get("Points").asString()).isEqualTo("3/3");

        // The profile link Greenhouse shows opens the result in the recruiter console, a page a browser can load.
        JsonNode invitation = recruiter.get("/api/v1/invitations/" + interviewId).expect(200);
        String sessionId = invitation.get("sessionId").asString();
        URI profile = URI.create(status.get("partner_profile_url").asString());
        assertThat(profile.getPath()).isEqualTo("/console");
        assertThat(profile.getFragment()).isEqualTo("/results/" + sessionId);
        HttpApi.Response page = anonymous.get(profile.getPath());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");

        // A final event delivered again (as after a consumer restart) does not tell Greenhouse twice: applied
        // again it changes nothing, so it announces nothing (and notification-service does not act on it itself).
        try (EventTopics kafka = new EventTopics("127.0.0.1:" + stack.config().ports().kafka(), Duration.ofSeconds(30))) {
            RecordMetadata again = kafka.publish(EventEnvelope.of(new AssessmentFinalized(
                    sessionId, interviewId, testId, "Greenhouse screen", null, null,
                    new BigDecimal("3"), 3, 100.0, 50, true, 0, 0, "redelivery", Instant.now()),
                    stack.demo().tenantId(), "corr-redelivered"));
            kafka.awaitConsumed("assessment-service", again);
            assertThat(kafka.readToEnd(Topics.INVITATIONS, r -> interviewId.equals(r.key()) && r.envelope() != null
                    && r.envelope().type().equals("PartnerResultReady"))).hasSize(1);
        }
        assertThat(callbacks).hasSize(1);

        // A recruiter lowers the final result's points: Greenhouse, which stopped asking at "complete", is told
        // again, and reads the new score.
        recruiter.put("/api/v1/results/" + sessionId + "/items/" + questionId,
                Map.of("points", 1.5, "reason", "right answer, no justification")).expect(200);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> callbacks.size() == 2);
        assertThat(callbacks.get(1)).isEqualTo(callbacks.get(0));
        // the PATCH follows assessment-service having applied the change: the read made on it has the new score
        await().atMost(Duration.ofSeconds(10)).until(() -> readsOnPatch.size() == 2);
        JsonNode changed = readsOnPatch.get(1);
        assertThat(changed.get("partner_status").asString()).isEqualTo("complete");
        assertThat(changed.get("partner_score").asDouble()).isEqualTo(50.0);
        assertThat(changed.get("metadata").get("Points").asString()).isEqualTo("1.5/3");
    }

    private String invitationToken(String recipient, String subjectContains) {
        HttpApi mail = HttpApi.at(stack.mailViewerUrl().toString());
        String[] token = new String[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode message : mail.get("/api/messages").expect(200)) {
                Matcher link = TOKEN_IN_LINK.matcher(message.path("html").asString() + message.path("text").asString());
                if (message.get("to").toString().contains(recipient)
                        && message.get("subject").asString().contains(subjectContains) && link.find()) {
                    token[0] = link.group(1);
                    return true;
                }
            }
            return false;
        });
        return token[0];
    }
}
