package io.hirepipe.notification.delivery;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.InvitationResent;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.embedded.ReceivedMail;
import io.hirepipe.embedded.SmtpSink;
import io.hirepipe.notification.NotificationServiceTest;
import io.hirepipe.notification.TestLinkKeys;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.TestInfrastructure;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.hirepipe.notification.TestEvents.envelope;
import static io.hirepipe.notification.TestEvents.id;
import static io.hirepipe.notification.TestEvents.mailbox;
import static org.assertj.core.api.Assertions.assertThat;

/** The candidate's receipt of a submission and the email of a resent invitation, over real Kafka and SMTP. */
class CandidateEmailsTest extends NotificationServiceTest {

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);

    private final EventTopics kafka = EventTopics.shared();
    private final SmtpSink smtp = TestInfrastructure.smtp();

    private static AssessmentSubmitted submitted(String candidate, SubmitReason reason) {
        return new AssessmentSubmitted(id("ses"), id("inv"), "test-backend", "Backend basics",
                new Person("Ada", candidate), "rita@recruiting.example", 60, reason,
                Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:40:00Z"), List.of(
                new SubmittedAnswer("q-1", 1, List.of("a"), null, "Indexes"),
                new SubmittedAnswer("q-2", 1, List.of(), "Replicas copy the data", "Replication"),
                new SubmittedAnswer("q-3", 1, List.of(), null, "GC")));
    }

    @Test
    void theCandidateGetsOneReceiptOfWhatWasReceivedAndWhenWithoutAScore() {
        String tenant = id("tenant");
        String candidate = mailbox("receipt");
        EventEnvelope<AssessmentSubmitted> event = envelope(submitted(candidate, SubmitReason.TIMEOUT), tenant);
        kafka.publish(event);

        ReceivedMail mail = smtp.awaitMessage(m -> m.isAddressedTo(candidate), MAIL_TIMEOUT);
        assertThat(mail.subject()).isEqualTo("We received your Backend basics assessment");
        assertThat(mail.textBody()).contains("Sun 1 Mar 2026, 09:40 UTC").contains("You answered 2 of 3 questions")
                .contains("The time was up").doesNotContainIgnoringCase("score").doesNotContain("points")
                .doesNotContain("Replicas copy the data");
        assertThat(mail.htmlBody()).contains("Backend basics").doesNotContainIgnoringCase("score");

        RecordMetadata again = kafka.publish(event);
        kafka.awaitConsumed("notification-service", again);
        assertThat(smtp.messages().stream().filter(m -> m.isAddressedTo(candidate))).hasSize(1);
        List<JsonNode> deliveries = List.copyOf(api(Caller.recruiter(tenant, "user-1", "rita@recruiting.example"))
                .get("/api/notifications/emails").expect(200).get("items").values());
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).path("kind").asString()).isEqualTo("CANDIDATE_SUBMISSION_RECEIPT");
    }

    @Test
    void aSubmissionWithoutACandidateEmailIsDeadLetteredAtOnce() {
        String tenant = id("tenant");
        AssessmentSubmitted noEmail = new AssessmentSubmitted(id("ses"), id("inv"), "t", "T", new Person("Ada", null),
                "rita@recruiting.example", 60, SubmitReason.CANDIDATE, Instant.now(), Instant.now(), List.of());
        EventEnvelope<AssessmentSubmitted> event = envelope(noEmail, tenant);
        kafka.publish(event);
        assertThat(kafka.awaitRecords(Topics.deadLetterOf(Topics.SUBMISSIONS),
                r -> r.envelope() != null && r.envelope().eventId().equals(event.eventId()))).hasSize(1);
    }

    @Test
    void aResentInvitationEmailsTheNewLinkAndSaysTheOldOneNoLongerWorks() {
        String tenant = id("tenant");
        String candidate = mailbox("resent");
        String link = "https://hirepipe.example/take#token=tok_" + id("t");
        EventEnvelope<InvitationResent> event = envelope(new InvitationResent(id("inv"), "test-backend",
                "Backend basics", new Person("Ada", candidate), "rita@recruiting.example", 45,
                Instant.parse("2026-03-08T17:00:00Z"), TestLinkKeys.seal(link), 0), tenant);
        kafka.publish(event);

        ReceivedMail mail = smtp.awaitMessage(m -> m.isAddressedTo(candidate), MAIL_TIMEOUT);
        assertThat(mail.subject()).isEqualTo("A new link for your Backend basics assessment");
        assertThat(mail.textBody()).contains(link).contains("no longer works");

        RecordMetadata again = kafka.publish(event);
        kafka.awaitConsumed("notification-service", again);
        assertThat(smtp.messages().stream().filter(m -> m.isAddressedTo(candidate))).hasSize(1);
    }

    @Test
    void aResentInvitationWithoutAnOpenableLinkIsDeadLetteredAtOnce() {
        String tenant = id("tenant");
        EventEnvelope<InvitationResent> event = envelope(new InvitationResent(id("inv"), "test-backend",
                "Backend basics", new Person("Ada", mailbox("nolink")), "rita@recruiting.example", 45, null, null, 0),
                tenant);
        kafka.publish(event);
        assertThat(kafka.awaitRecords(Topics.deadLetterOf(Topics.INVITATIONS),
                r -> r.envelope() != null && r.envelope().eventId().equals(event.eventId()))).hasSize(1);
    }
}
