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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidate's invitation token is a password: after a real invitation (emailed, then used to
 * sign in) it must appear in no record of the invitations topic or its dead letters, and in no
 * service log. Only the email in the SMTP sink may hold it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedLocalStack.class)
class InvitationTokenLeakIT {

    private LocalStack stack;
    private HttpApi anonymous;

    @BeforeAll
    void useSharedStack(SharedLocalStack.Stack sharedStack) {
        stack = sharedStack.get();
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
