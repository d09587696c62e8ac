package io.hirepipe.localstack;

import io.hirepipe.contracts.Topics;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The candidate's invitation token is a password: after a real invitation (emailed, then used to
 * sign in) it must appear in no record of the invitations topic or its dead letters, and in no
 * service log. Only the email in the SMTP sink may hold it.
 *
 * <p>Beyond the token: after a whole pipeline run (a recruiter's sign-in and refresh, an API key used, a webhook
 * subscribed to a receiver that refuses, a candidate invited under an Idempotency-Key and the invitation replayed,
 * the test taken with free-text answers, scored and reported) no secret of it and no personal data of the
 * candidate is in any service's log, in any span the services exported, or in any metric label. Logs are
 * shipped and kept beyond the retention and erasure the candidate's data has, and tracing backends alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedLocalStack.class)
class InvitationTokenLeakIT {

    private LocalStack stack;
    private OtlpReceiver spans;
    private HttpApi anonymous;

    @BeforeAll
    void useSharedStack(SharedLocalStack.Stack sharedStack) {
        stack = sharedStack.get();
        spans = sharedStack.spans();
        anonymous = HttpApi.at(stack.gatewayUrl().toString());
    }

    @Test
    void theInvitationTokenIsInNoEventAndNoLog() throws IOException {
        HttpApi recruiter = recruiter();
        String questionId = recruiter.post("/api/v1/questions", Map.of(
                "kind", "SINGLE_CHOICE",
                "title", "Partitions",
                "prompt", "What keeps the events of one key in order?",
                "options", List.of(Map.of("id", "a", "text", "One partition per key"),
                        Map.of("id", "b", "text", "Log compaction")),
                "correctOptionIds", List.of("a"),
                "points", 1)).expect(201).get("id").asString();
        recruiter.post("/api/v1/questions/" + questionId + "/publish", Map.of()).expect(200);
        String testId = recruiter.post("/api/v1/tests", Map.of(
                "title", "Sealed links",
                "durationMinutes", 10,
                "passMarkPercent", 50,
                "sections", List.of(Map.of("title", "Kafka", "questionIds", List.of(questionId)))))
                .expect(201).get("id").asString();
        String candidateEmail = "ada.sealed@example.com";
        String invitationId = recruiter.post("/api/v1/invitations", Map.of("testId", testId,
                "candidate", Map.of("name", "Ada Lovelace", "email", candidateEmail))).expect(201)
                .get("id").asString();

        // The token as the candidate gets it: from the email notification-service sent.
        String token = new SinkMailbox(stack).invitationToken(candidateEmail, "Sealed links");
        // Used once, so the sign-in path is in the logs too.
        anonymous.post("/api/v1/auth/candidate", Map.of("invitationToken", token)).expect(200);

        try (EventTopics kafka = new EventTopics("127.0.0.1:" + stack.config().ports().kafka(), Duration.ofSeconds(30))) {
            List<EventRecord> invitations = kafka.readToEnd(Topics.INVITATIONS, r -> true);
            assertThat(invitations).as("the invitation's own event was read")
                    .anyMatch(r -> invitationId.equals(r.key()));
            assertThat(invitations).as("records of " + Topics.INVITATIONS)
                    .allSatisfy(r -> assertThat(textOf(r)).doesNotContain(token));
            assertThat(kafka.readToEnd(Topics.deadLetterOf(Topics.INVITATIONS), r -> true))
                    .as("records of " + Topics.deadLetterOf(Topics.INVITATIONS))
                    .allSatisfy(r -> assertThat(textOf(r)).doesNotContain(token));
        }

        List<Path> logs;
        try (Stream<Path> files = Files.list(stack.config().logsDir())) {
            logs = files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
        }
        assertThat(logs).extracting(f -> f.getFileName().toString())
                .contains("assessment-service.log", "notification-service.log", "gateway.log");
        for (Path log : logs) {
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).as(log.toString()).doesNotContain(token);
        }
    }

    @Test
    void noSecretAndNoCandidateDataInAnyLogSpanOrMetric() throws IOException {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, String> personal = new LinkedHashMap<>();

        // The recruiter: password, access token (a JWT), refresh token, and the access token it is traded for.
        secrets.put("the recruiter's password", stack.demo().recruiterPassword());
        JsonNode login = anonymous.post("/api/v1/auth/login", Map.of(
                "email", stack.demo().recruiterEmail(), "password", stack.demo().recruiterPassword())).expect(200);
        secrets.put("the recruiter's access token", login.get("token").asString());
        secrets.put("the recruiter's refresh token", login.get("refreshToken").asString());
        JsonNode refreshed = anonymous.post("/api/v1/auth/refresh",
                Map.of("refreshToken", login.get("refreshToken").asString())).expect(200);
        secrets.put("the refreshed access token", refreshed.get("token").asString());
        secrets.put("the refreshed refresh token", refreshed.get("refreshToken").asString());
        HttpApi recruiter = anonymous.withBearer(refreshed.get("token").asString());

        // An API key, used once; and the demo's.
        String apiKey = recruiter.post("/api/v1/api-keys", Map.of("name", "leak-check " + marker,
                "scopes", List.of("invitations:read", "results:read", "webhooks:manage"))).expect(201).get("key").asString();
        secrets.put("an API key", apiKey);
        secrets.put("the demo's API key", stack.demo().apiKey());
        HttpApi platform = anonymous.withHeader("X-Api-Key", apiKey);
        platform.get("/api/v1/results?limit=1").expect(200);

        // A webhook whose receiver refuses every connection (nothing listens on port 9), with a token in its URL.
        String receiverToken = "receiver-token-" + marker;
        JsonNode webhook = platform.post("/api/v1/notifications/webhooks", Map.of(
                "url", "http://127.0.0.1:9/hooks/hirepipe?token=" + receiverToken,
                "eventTypes", List.of("assessment.submitted", "assessment.scored"))).expect(201);
        secrets.put("a webhook secret", webhook.get("secret").asString());
        secrets.put("a token in a webhook's URL", receiverToken);

        // The candidate, invited under an Idempotency-Key, the invitation replayed, the test taken and scored.
        String name = "Lovelace Quimby " + marker;
        String email = "lovelace." + marker + "@example.com";
        String answer = "Quimbyish replicas mirror the primary " + marker;
        personal.put("the candidate's name", name);
        personal.put("the candidate's email", email);
        personal.put("the candidate's answer", answer);
        // the candidate's id in the hiring platform: candidate data too (erased with the rest), and a query filter
        String reference = "gh-application-" + marker;
        personal.put("the candidate's external reference", reference);
        personal.put("the demo candidate's email", DemoAccess.CANDIDATE_EMAIL);
        personal.put("the demo candidate's name", DemoAccess.CANDIDATE_NAME);
        HttpApi inviting = recruiter.withHeader("Idempotency-Key", "leak-check-" + marker);
        Map<String, Object> invitation = Map.of("testId", stack.demo().demoTestId(),
                "candidate", Map.of("name", name, "email", email), "externalReference", reference);
        String accessUrl = inviting.post("/api/v1/invitations", invitation).expect(201).get("accessUrl").asString();
        assertThat(inviting.post("/api/v1/invitations", invitation).expect(201).get("accessUrl").asString())
                .as("the replayed invitation").isEqualTo(accessUrl);
        String token = accessUrl.substring(accessUrl.indexOf("#token=") + 7);
        secrets.put("the invitation token", token);
        secrets.put("the demo candidate's invitation token",
                stack.demoCandidateLink().substring(stack.demoCandidateLink().indexOf("#token=") + 7));
        String candidateToken = anonymous.post("/api/v1/auth/candidate", Map.of("invitationToken", token)).expect(200)
                .get("token").asString();
        secrets.put("the candidate's token", candidateToken);
        HttpApi candidate = anonymous.withBearer(candidateToken);
        JsonNode session = candidate.post("/api/v1/candidate/assessment/start", Map.of()).expect(200);
        CandidateAnswers.answerEveryQuestionAndSubmit(candidate, session, answer);
        String sessionId = session.get("sessionId").asString();
        await().atMost(Duration.ofSeconds(90)).until(() -> recruiter.get("/api/v1/results/" + sessionId).status() == 200);
        new SinkMailbox(stack).mailTo(stack.demo().recruiterEmail(), name);
        // the platform finds its candidate's invitation and result by its own reference
        assertThat(platform.get("/api/v1/invitations?externalReference=" + reference).expect(200).get("items")).hasSize(1);
        assertThat(platform.get("/api/v1/results?externalReference=" + reference).expect(200).get("items")).hasSize(1);
        // the refused receiver's first attempts are logged, and the pipeline's spans exported
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> platform
                .get("/api/v1/notifications/webhooks/" + webhook.get("id").asString() + "/deliveries").expect(200)
                .get("items").valueStream().anyMatch(delivery -> delivery.path("attempts").asInt() > 0));
        awaitSpansSettled();

        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(stack.config().logsDir())) {
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
                sources.put(log.getFileName().toString(), Files.readString(log, StandardCharsets.UTF_8));
            }
        }
        assertThat(sources.keySet()).contains("gateway.log", "assessment-service.log", "scoring-service.log",
                "notification-service.log");
        List<String> proxied = spans.all().stream().filter(span -> span.service().equals("gateway"))
                .flatMap(span -> span.attributes().lines()).filter(line -> line.startsWith("http.uri=")).toList();
        assertThat(proxied).as("the gateway's spans of the proxied look-ups by reference, their path kept")
                .anySatisfy(uri -> assertThat(uri).endsWith("/api/invitations\""))
                .anySatisfy(uri -> assertThat(uri).endsWith("/api/results\""));
        for (OtlpReceiver.ReceivedSpan span : spans.all()) {
            sources.merge("spans of " + span.service(), span.name() + "\n" + span.attributes(), String::concat);
        }
        stack.metricsUrls().forEach((service, url) -> sources.put("metrics of " + service,
                HttpApi.at(url.getScheme() + "://" + url.getAuthority()).get(url.getPath()).body()));

        List<String> leaks = new ArrayList<>();
        Map<String, String> sought = new LinkedHashMap<>(secrets);
        sought.putAll(personal);
        sources.forEach((source, text) -> sought.forEach((what, value) -> {
            if (text.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))) {
                leaks.add(what + " in " + source + ": " + around(text, value));
            }
        }));
        // a JWT of any kind (an internal token relayed to a service, say) starts with eyJ
        sources.forEach((source, text) -> {
            Matcher jwt = JWT.matcher(text);
            if (jwt.find()) {
                leaks.add("a JWT in " + source + ": " + around(text, jwt.group()));
            }
        });
        assertThat(leaks).as("secrets and candidate data in logs, spans and metrics").isEmpty();
    }

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    /**
     * The exporters send their batches every few seconds (and pollers keep adding spans, so there is no quiet
     * moment to wait for): give the flow's last spans two batches' time to arrive.
     */
    private static void awaitSpansSettled() {
        await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(13)).until(() -> true);
    }

    /** The line around a hit, so a failure shows where the value was found. */
    private static String around(String text, String value) {
        int at = text.toLowerCase(Locale.ROOT).indexOf(value.toLowerCase(Locale.ROOT));
        int start = Math.max(0, text.lastIndexOf('\n', at) + 1);
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : Math.min(end, start + 400));
    }

    /** Key, value and headers of a record as text: a token in any of them is a leak. */
    private static String textOf(EventRecord record) {
        List<String> parts = new ArrayList<>();
        parts.add(String.valueOf(record.key()));
        parts.add(record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8));
        for (Header header : record.raw().headers()) {
            parts.add(header.key() + "=" + (header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8)));
        }
        return String.join("\n", parts);
    }

    private HttpApi recruiter() {
        JsonNode login = anonymous.post("/api/v1/auth/login", Map.of(
                "email", stack.demo().recruiterEmail(), "password", stack.demo().recruiterPassword())).expect(200);
        return anonymous.withBearer(login.get("token").asString());
    }
}
