package io.hirepipe.localstack;

import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resend, receipt, reopen and the audit log through the gateway of the started stack: every service,
 * Kafka, MongoDB, Redis and SMTP as they run together.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedLocalStack.class)
class RecruiterActionsEndToEndIT {

    private LocalStack stack;
    private HttpApi anonymous;

    @BeforeAll
    void useSharedStack(SharedLocalStack.Stack sharedStack) {
        stack = sharedStack.get();
        anonymous = HttpApi.at(stack.gatewayUrl().toString());
    }

    private HttpApi recruiter() {
        JsonNode login = anonymous.post("/api/v1/auth/login", Map.of(
                "email", stack.demo().recruiterEmail(), "password", stack.demo().recruiterPassword())).expect(200);
        return anonymous.withBearer(login.get("token").asString());
    }

    private static String tokenOf(String accessUrl) {
        return accessUrl.substring(accessUrl.indexOf("#token=") + "#token=".length());
    }

    @Test
    void aResentLinkAReopenedSessionItsRescoringAndTheReceiptsAllShowInTheAuditLog() {
        HttpApi recruiter = recruiter();
        String email = "reopen-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        JsonNode invited = recruiter.post("/api/v1/invitations", Map.of("testId", stack.demo().demoTestId(),
                "candidate", Map.of("name", "Katherine Johnson", "email", email))).expect(201);
        String invitationId = invited.get("id").asString();

        // Resend: a new link by email, and the old one no longer opens.
        JsonNode resent = recruiter.post("/api/v1/invitations/" + invitationId + "/resend", Map.of()).expect(200);
        String newToken = tokenOf(resent.get("accessUrl").asString());
        assertThat(newToken).isNotEqualTo(tokenOf(invited.get("accessUrl").asString()));
        anonymous.post("/api/v1/auth/candidate", Map.of("invitationToken", tokenOf(invited.get("accessUrl").asString())))
                .problem(401);
        JsonNode newLinkMail = new SinkMailbox(stack).mailTo(email, "A new link");
        assertThat(newLinkMail.get("text").asString()).contains(newToken);

        // The candidate submits with nothing answered, and gets a receipt.
        HttpApi candidate = anonymous.withBearer(anonymous.post("/api/v1/auth/candidate",
                Map.of("invitationToken", newToken)).expect(200).get("token").asString());
        JsonNode session = candidate.post("/api/v1/candidate/assessment/start", Map.of()).expect(200);
        String sessionId = session.get("sessionId").asString();
        JsonNode firstChoice = session.get("questions").valueStream()
                .filter(q -> q.get("kind").asString().equals("SINGLE_CHOICE")).findFirst().orElseThrow();
        Instant firstSubmit = Instant.parse(candidate.post("/api/v1/candidate/assessment/submit", Map.of()).expect(200)
                .get("submittedAt").asString());
        JsonNode receipt = new SinkMailbox(stack).mailTo(email, "We received");
        assertThat(receipt.get("text").asString()).contains("You answered 0 of").doesNotContainIgnoringCase("score");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(recruiter.get("/api/v1/invitations/"
                + invitationId).expect(200).get("status").asString()).isEqualTo("SCORED"));

        // Reopened after a technical problem: every saved answer, a new deadline, scored again once submitted.
        recruiter.post("/api/v1/invitations/" + invitationId + "/reopen", Map.of("extraMinutes", 10,
                "reason", "the candidate's power failed")).expect(200);
        assertThat(candidate.get("/api/v1/candidate/assessment/session").expect(200).get("status").asString())
                .isEqualTo("ACTIVE");
        candidate.put("/api/v1/candidate/assessment/answers/" + firstChoice.get("questionId").asString(),
                Map.of("sequence", 1, "selectedOptionIds", List.of(firstChoice.get("options").get(0).get("id")
                        .asString()))).expect(200);
        candidate.post("/api/v1/candidate/assessment/submit", Map.of()).expect(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode result = recruiter.get("/api/v1/results/" + sessionId).expect(200);
            assertThat(Instant.parse(result.get("submittedAt").asString())).isAfter(firstSubmit);
        });

        // The log has each action, and cannot be changed.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(recruiter.get("/api/v1/audit?targetId=" + invitationId).expect(200).get("items").valueStream()
                    .map(e -> e.get("action").asString())).contains("invitation.resent");
            assertThat(recruiter.get("/api/v1/audit?targetId=" + sessionId).expect(200).get("items").valueStream()
                    .map(e -> e.get("action").asString())).contains("session.reopened");
        });
        assertThat(recruiter.put("/api/v1/audit", Map.of("action", "nothing")).status()).isEqualTo(405);
        assertThat(anonymous.withHeader("X-Api-Key", stack.demo().apiKey()).get("/api/v1/audit").status())
                .isEqualTo(403);
    }
}
