package io.hirepipe.notification.privacy;

import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.embedded.SmtpSink;
import io.hirepipe.notification.NotificationServiceTest;
import io.hirepipe.notification.TestEvents;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.TestInfrastructure;
import io.hirepipe.testkit.VerboseLogging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.hirepipe.notification.TestEvents.envelope;
import static io.hirepipe.notification.TestEvents.id;
import static io.hirepipe.notification.TestEvents.mailbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator chasing a problem turns Spring MVC, the Kafka listeners and the mail sender to DEBUG or TRACE: they
 * then log the bodies, the events and the messages that go through them. A webhook subscription, an invitation, a
 * submission, a scored report emailed over real SMTP, an account email and the email and webhook delivery logs go
 * through them here, and the log holds no candidate's or recruiter's details, no answer, no link and no secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInDebugLogTest extends NotificationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> VERBOSE = List.of("org.springframework.web", "org.springframework.kafka",
            "org.springframework.mail", "jakarta.mail", "org.eclipse.angus.mail", "io.hirepipe");

    private final EventTopics kafka = EventTopics.shared();
    private final SmtpSink smtp = TestInfrastructure.smtp();

    @Test
    void theVerboseLogHoldsNoPersonalDataAnswerLinkOrSecret(CapturedOutput output) throws IOException {
        String tenant = id("tenant");
        String name = "Ada Lovelace-Byron";
        String candidate = mailbox("ada.byron");
        String recruiter = mailbox("rita.recruiter");
        String answer = "An index hurts when Ada's writes outnumber her reads";
        String invitationToken = "tok_" + id("invitation");
        String resetToken = "pw_" + id("reset");
        String receiverToken = "receiver-query-" + id("secret");
        HttpApi admin = api(Caller.user(tenant, "user-1", recruiter, Role.ADMIN));
        String secret = null;
        String subscription = null;
        try (VerboseLogging verbose = VerboseLogging.at(LogLevel.TRACE, VERBOSE)) {
            JsonNode created = admin.post("/api/notifications/webhooks", Map.of("url", nobodyListening(receiverToken),
                    "eventTypes", List.of("assessment.scored"), "alertEmail", recruiter)).expect(201);
            secret = created.path("secret").asString();
            subscription = created.path("id").asString();
            admin.get("/api/notifications/webhooks/" + subscription).expect(200);

            var invited = TestEvents.invitation(name, candidate, "https://hirepipe.example/take#token=" + invitationToken);
            kafka.publish(envelope(invited, tenant));
            kafka.publish(envelope(new AssessmentSubmitted(id("ses"), invited.invitationId(),
                    "test-backend", "Backend basics", new Person(name, candidate), recruiter, 60, SubmitReason.CANDIDATE,
                    Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:40:00Z"),
                    List.of(new SubmittedAnswer("q-repl", 1, List.of(), answer, "Replication"))), tenant));
            AssessmentScored scored = TestEvents.scored(name, recruiter, SubmitReason.CANDIDATE);
            kafka.publish(envelope(new AssessmentScored(scored.sessionId(), scored.invitationId(), scored.testId(),
                    scored.testTitle(), new Person(name, candidate), recruiter, scored.points(), scored.maxPoints(),
                    scored.percent(), scored.passMarkPercent(), scored.passed(), scored.submitReason(), scored.items(),
                    scored.scoredAt(), false, 0), tenant));
            api(Caller.service(tenant, "gateway")).post("/api/internal/account-emails", Map.of("tenantId", tenant,
                    "to", recruiter, "kind", "PASSWORD_RESET",
                    "link", "https://hirepipe.example/console/reset-password#token=" + resetToken,
                    "expiresAt", Instant.now().plus(Duration.ofDays(1)).toString())).expect(202);

            smtp.awaitMessage(m -> m.isAddressedTo(recruiter) && m.subject().startsWith("Assessment scored"), WAIT);
            // the invitation, the submission's receipt, the scored report and the reset link
            await().atMost(WAIT).until(() -> admin.get("/api/notifications/emails?status=SENT").expect(200)
                    .get("items").size() == 4);
            String failed = "/api/notifications/webhooks/" + subscription + "/deliveries?status=FAILED";
            await().atMost(WAIT).until(() -> admin.get(failed).expect(200).get("items").size() == 1);
        } finally {
            if (subscription != null) {
                admin.delete("/api/notifications/webhooks/" + subscription);
            }
        }

        assertThat(output).as("Spring MVC and the Kafka listeners logged what went through them")
                .contains("SubscriptionRequest[", "EmailDeliveryView[", "Processing [");
        assertThat(output.toString()).doesNotContain(name).doesNotContainIgnoringCase(candidate)
                .doesNotContainIgnoringCase(recruiter).doesNotContain(answer).doesNotContain(invitationToken)
                .doesNotContain(resetToken).doesNotContain(secret).doesNotContain(receiverToken);
    }

    /** A receiver's address nobody listens on, so its deliveries fail for good after the test schedule's retries. */
    private static String nobodyListening(String token) throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hooks?token=" + token;
        }
    }
}
