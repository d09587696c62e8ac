package io.hirepipe.notification.delivery;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.embedded.ReceivedMail;
import io.hirepipe.embedded.SmtpSink;
import io.hirepipe.notification.NotificationServiceTest;
import io.hirepipe.notification.TestEvents;
import io.hirepipe.notification.TestLinkKeys;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.hirepipe.notification.TestEvents.envelope;
import static io.hirepipe.notification.TestEvents.id;
import static io.hirepipe.notification.TestEvents.invitation;
import static io.hirepipe.notification.TestEvents.mailbox;
import static io.hirepipe.notification.TestEvents.scored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events in over real Kafka, mail out over real SMTP, read back from the test kit's sink. */
class EmailFlowTest extends NotificationServiceTest {

    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DeliveryLog deliveryLog;

    private final EventTopics kafka = EventTopics.shared();
    private final SmtpSink smtp = TestInfrastructure.smtp();

    @Test
    void anInvitedCandidateGetsTheirLinkAndMarkupInTheirNameStaysText() {
        String tenant = id("tenant");
        String candidate = mailbox("ada");
        String link = "https://hirepipe.example/take/tok_" + id("t") + "?lang=en&src=mail";
        kafka.publish(envelope(invitation("<script>alert('pwned')</script> Ada", candidate, link), tenant));

        ReceivedMail mail = smtp.awaitMessage(m -> m.isAddressedTo(candidate), MAIL_TIMEOUT);

        assertThat(mail.subject()).isEqualTo("Your Backend basics assessment");
        assertThat(mail.from()).isEqualTo("Hirepipe <no-reply@hirepipe.local>");
        assertThat(mail.to()).containsExactly(candidate);
        assertThat(mail.htmlBody())
                .contains("href=\"" + link.replace("&", "&amp;") + "\"")
                .contains("45 minutes")
                .contains("Sun 8 Mar 2026, 17:00 UTC")
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; Ada");
        assertThat(mail.textBody()).contains(link).contains("45 minutes");
        assertThat(mail.rawEml()).contains("Message-ID: <dlv_");

        JsonNode delivery = awaitDelivery(tenant, candidate, "SENT");
        assertThat(delivery.path("kind").asString()).isEqualTo("CANDIDATE_INVITATION");
        assertThat(delivery.path("subject").asString()).isEqualTo("Your Backend basics assessment");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.path("sentAt").isNull()).isFalse();
        assertThat(delivery.toString()).as("the personal link stays in the candidate's mailbox").doesNotContain("tok_");
        assertThat(mongo.getCollection(EmailDelivery.COLLECTION).find().into(new ArrayList<>()).toString())
                .as("no delivery document stores a body or a link").doesNotContain("tok_");
    }

    @Test
    void aVersionOneInvitationWithAPlainLinkStillGetsItsEmail() {
        String tenant = id("tenant");
        String candidate = mailbox("ada");
        String link = "https://hirepipe.example/take#token=" + id("plain");
        kafka.publish(envelope(TestEvents.plainInvitation("Ada", candidate, link), tenant));

        ReceivedMail mail = smtp.awaitMessage(m -> m.isAddressedTo(candidate), MAIL_TIMEOUT);

        assertThat(mail.textBody()).contains(link);
    }

    @Test
    void aLinkSealedForAnotherKeyOrTamperedWithIsDeadLetteredAtOnceAndSaysWhy() {
        String tenant = id("tenant");
        String foreign = mailbox("ada");
        String tampered = mailbox("bob");
        String link = "https://hirepipe.example/take#token=tok_" + id("t");
        EventEnvelope<InvitationCreated> sealedForOther = envelope(TestEvents.withLinks("Ada", foreign, null,
                TestLinkKeys.seal(link, TestLinkKeys.OTHER)), tenant);
        String[] parts = TestLinkKeys.seal(link).split("\\.");
        parts[4] = parts[4].charAt(0) == 'A' ? "B" + parts[4].substring(1) : "A" + parts[4].substring(1);
        EventEnvelope<InvitationCreated> tamperedWith = envelope(TestEvents.withLinks("Bob", tampered, null,
                String.join(".", parts)), tenant);
        kafka.publish(sealedForOther);
        kafka.publish(tamperedWith);

        for (EventEnvelope<InvitationCreated> event : List.of(sealedForOther, tamperedWith)) {
            List<EventRecord> dead = kafka.awaitRecords(Topics.deadLetterOf(Topics.INVITATIONS),
                    r -> r.envelope() != null && r.envelope().eventId().equals(event.eventId()));
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).header("kafka_dlt-exception-message"))
                    .contains("cannot be opened with this service's key").doesNotContain("tok_");
            assertThat(dead.get(0).header("kafka_dlt-exception-fqcn") + " "
                    + dead.get(0).header("kafka_dlt-exception-cause-fqcn"))
                    .as("dead-lettered at once, not after retries").contains("NonRetryableEventException");
        }
        assertThat(smtp.messages().stream().filter(m -> m.isAddressedTo(foreign) || m.isAddressedTo(tampered)))
                .isEmpty();
    }

    @Test
    void theRecruiterGetsTheScoredReport() {
        String tenant = id("tenant");
        String recruiter = mailbox("rita");
        kafka.publish(envelope(scored("Ada Lovelace", recruiter, SubmitReason.TIMEOUT), tenant));

        ReceivedMail mail = smtp.awaitMessage(m -> m.isAddressedTo(recruiter), MAIL_TIMEOUT);

        assertThat(mail.subject()).isEqualTo("Assessment scored: Ada Lovelace – 70.0% (passed)");
        assertThat(mail.htmlBody())
                .contains("<span>7</span>/<span>10</span> points")
                .contains("Timed out")
                .contains(">60%<")
                .contains("<span>Replication vs sharding</span>")
                .contains("<span>q-repl</span>")
                .contains(">copies, split, shard-key<")
                .contains(">0/3<");
        assertThat(mail.textBody()).contains("Score:      7/10 points, 70.0%").contains("Result:     Passed")
                .contains("- gRPC (q-grpc v2, Multiple choice): 0/3")
                .as("the console's page of the result, at the configured public address")
                .contains("Open it in the console: https://hirepipe.example/console#/results/");
        assertThat(awaitDelivery(tenant, recruiter, "SENT").path("kind").asString())
                .isEqualTo("RECRUITER_SCORE_REPORT");
    }

    @Test
    void theReportsLagRunsFromTheCandidatesSubmit() {
        String tenant = id("tenant");
        String recruiter = mailbox("rita");
        kafka.publish(envelope(submittedBefore(Duration.ofMinutes(10), "Grace Hopper", recruiter), tenant));

        smtp.awaitMessage(m -> m.isAddressedTo(recruiter), MAIL_TIMEOUT);

        awaitReportLagOfAtLeast(600, "submit → report, not scored → report");
    }

    @Test
    void aReportSentOnRetryCountsItsLagFromTheSubmitToo() {
        String tenant = id("tenant");
        String recruiter = mailbox("retried");
        smtp.stopListening();
        try {
            kafka.publish(envelope(submittedBefore(Duration.ofMinutes(30), "Alan Turing", recruiter), tenant));
            awaitDelivery(tenant, recruiter, "RETRYING");
        } finally {
            smtp.startListening();
        }

        smtp.awaitMessage(m -> m.isAddressedTo(recruiter), MAIL_TIMEOUT);

        awaitReportLagOfAtLeast(1800, "a retried report, too, counts from the submit 30 minutes ago");
    }

    @Test
    void theSameEventTwiceSendsOneEmail() {
        String tenant = id("tenant");
        String candidate = mailbox("twice");
        EventEnvelope<InvitationCreated> event = envelope(invitation("Ada", candidate, "https://h.example/t/1"),
                tenant);
        kafka.publish(event);
        smtp.awaitMessage(m -> m.isAddressedTo(candidate), MAIL_TIMEOUT);

        RecordMetadata again = kafka.publish(event);
        kafka.awaitConsumed("notification-service", again);

        assertThat(smtp.messages().stream().filter(m -> m.isAddressedTo(candidate))).hasSize(1);
        List<JsonNode> deliveries = deliveries(tenant);
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void anEmailWhoseSenderDiedHoldingItIsSentOnceByTheRetrierWhenTheHoldEnds() {
        String tenant = id("tenant");
        String candidate = mailbox("held");
        EventEnvelope<InvitationCreated> event = envelope(invitation("Ada", candidate, "https://h.example/t/5"),
                tenant);
        // what an instance killed in the middle of its SMTP send leaves: the delivery claimed, never marked,
        // and the event's offset not committed, so Kafka hands the event to the next consumer
        Instant claimed = Instant.now();
        EmailDelivery held = deliveryLog.open(new DeliveryLog.NewDelivery(tenant, event.eventId(), event.type(),
                DeliveryKind.CANDIDATE_INVITATION, candidate, "Your assessment", event.payload().invitationId()), claimed);
        assertThat(deliveryLog.startAttempt(held.id(), claimed, claimed.plusSeconds(3))).isPresent();

        RecordMetadata redelivered = kafka.publish(event);
        kafka.awaitConsumed("notification-service", redelivered);
        assertThat(awaitDelivery(tenant, candidate, "RETRYING").path("id").asString()).isEqualTo(held.id());

        smtp.awaitMessage(m -> m.isAddressedTo(candidate), MAIL_TIMEOUT);
        assertThat(Duration.between(claimed, Instant.now())).as("not before the dead holder's claim ran out")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(awaitDelivery(tenant, candidate, "SENT").path("attempts").asInt()).isEqualTo(2);
        assertThat(smtp.messages().stream().filter(m -> m.isAddressedTo(candidate))).hasSize(1);
    }

    @Test
    void anAdjustmentEmailsTheRecruiterOncePerEvent() {
        String tenant = id("tenant");
        String recruiter = mailbox("adjusted");
        EventEnvelope<ScoreAdjusted> event = envelope(TestEvents.adjusted(id("ses"), recruiter,
                Instant.parse("2026-03-01T11:00:00Z")), tenant);
        kafka.publish(event);

        ReceivedMail mail = smtp.awaitMessage(m -> m.isAddressedTo(recruiter), MAIL_TIMEOUT);
        assertThat(mail.subject()).isEqualTo("Score adjusted (provisional): Ada Lovelace – 85.0% (passed)");
        assertThat(mail.textBody()).contains("New total: 8.5/10 points, 85.0% (adjusted)");

        RecordMetadata again = kafka.publish(event);
        kafka.awaitConsumed("notification-service", again);
        assertThat(smtp.messages().stream().filter(m -> m.isAddressedTo(recruiter))).hasSize(1);
        assertThat(awaitDelivery(tenant, recruiter, "SENT").path("kind").asString())
                .isEqualTo("RECRUITER_SCORE_ADJUSTED");
    }

    @Test
    void finalisingAProvisionalResultEmailsTheRecruiterTheFinalScore() {
        String tenant = id("tenant");
        String recruiter = mailbox("final");
        kafka.publish(envelope(new AssessmentFinalized(id("ses"), id("inv"), "test-backend", "Backend basics",
                new Person("Ada Lovelace", "ada@example.org"), recruiter, new BigDecimal("6.50"), 10, 65.0, 60, true,
                1, 1, "rita@recruiting.example", Instant.parse("2026-03-01T12:00:00Z")), tenant));

        ReceivedMail mail = smtp.awaitMessage(m -> m.isAddressedTo(recruiter), MAIL_TIMEOUT);

        assertThat(mail.subject()).isEqualTo("Assessment final: Ada Lovelace – 65.0% (passed)");
        assertThat(mail.textBody()).contains("Final score: 6.5/10 points, 65.0% (adjusted)");
        assertThat(awaitDelivery(tenant, recruiter, "SENT").path("kind").asString())
                .isEqualTo("RECRUITER_SCORE_FINAL");
    }

    @Test
    void whileSmtpIsDownTheEmailWaitsInTheLogNotInKafka_andIsSentOnceWhenItIsBack() {
        String tenant = id("tenant");
        String candidate = mailbox("patient");
        // a real outage: the kept connections are closed by the server and new ones are refused
        smtp.stopListening();
        try {
            EventEnvelope<InvitationCreated> event = envelope(invitation("Ada", candidate, "https://h.example/t/2"), tenant);
            RecordMetadata published = kafka.publish(event);

            JsonNode retrying = awaitDelivery(tenant, candidate, "RETRYING");
            assertThat(retrying.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(retrying.path("lastError").asString()).contains("Connect");
            assertThat(retrying.path("nextAttemptAt").isNull()).isFalse();
            assertThat(retrying.path("sentAt").isNull()).isTrue();
            // Kafka is done with the event: the email's fate no longer depends on its few seconds of retries.
            kafka.awaitConsumed("notification-service", published);
            assertThat(kafka.readToEnd(Topics.deadLetterOf(Topics.INVITATIONS),
                    r -> r.envelope() != null && r.envelope().eventId().equals(event.eventId()))).isEmpty();
            // The kept copy is encrypted: the candidate's link is not readable in the log.
            Document stored = mongo.getCollection(EmailDelivery.COLLECTION)
                    .find(new Document("recipient", candidate)).first();
            assertThat(stored.getString("pendingMessage")).startsWith("v1:").doesNotContain("h.example/t/2");
            await().atMost(MAIL_TIMEOUT).until(() -> awaitDelivery(tenant, candidate, "RETRYING")
                    .path("attempts").asInt() >= 2);
        } finally {
            smtp.startListening();
        }

        smtp.awaitMessage(m -> m.isAddressedTo(candidate), MAIL_TIMEOUT);
        JsonNode sent = awaitDelivery(tenant, candidate, "SENT");
        assertThat(sent.path("attempts").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(sent.path("lastError").isNull()).isTrue();
        assertThat(smtp.messages().stream().filter(m -> m.isAddressedTo(candidate))).hasSize(1);
        Document stored = mongo.getCollection(EmailDelivery.COLLECTION).find(new Document("recipient", candidate)).first();
        assertThat(stored).as("nothing of the message is kept once sent").doesNotContainKey("pendingMessage");
    }

    @Test
    void whenSmtpIsBackTheEmailsThatWaitedForItGoAtOnceNotWhenTheirBackOffEnds() {
        String tenant = id("tenant");
        String waiting = mailbox("waiting");
        String next = mailbox("next");
        smtp.stopListening();
        try {
            kafka.publish(envelope(invitation("Ada", waiting, "https://h.example/t/3"), tenant));
            awaitDelivery(tenant, waiting, "RETRYING");
            // as after a long outage: its next attempt an hour away (the tests' back-off is milliseconds); set
            // between two attempts, while no worker holds it
            Document waitingForServer = new Document("recipient", waiting).append("status", "RETRYING")
                    .append(DeliveryLog.WAITS_FOR_SERVER, true);
            await().atMost(MAIL_TIMEOUT).until(() -> mongo.getCollection(EmailDelivery.COLLECTION).updateOne(
                    waitingForServer, new Document("$set", new Document("nextAttemptAt",
                            Date.from(Instant.now().plus(Duration.ofHours(1)))))).getModifiedCount() == 1);
        } finally {
            smtp.startListening();
        }

        kafka.publish(envelope(invitation("Bob", next, "https://h.example/t/4"), tenant));
        smtp.awaitMessage(m -> m.isAddressedTo(next), MAIL_TIMEOUT);

        smtp.awaitMessage(m -> m.isAddressedTo(waiting), MAIL_TIMEOUT);
        assertThat(awaitDelivery(tenant, waiting, "SENT").path("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(smtp.messages().stream().filter(m -> m.isAddressedTo(waiting))).hasSize(1);
    }

    @Test
    void anInvalidRecipientIsRecordedAndDeadLetteredAtOnce() {
        String tenant = id("tenant");
        EventEnvelope<InvitationCreated> event = envelope(invitation("Ada", "not an address", "https://h.example/t/3"),
                tenant);
        kafka.publish(event);

        List<EventRecord> dead = kafka.awaitRecords(Topics.deadLetterOf(Topics.INVITATIONS),
                r -> r.envelope() != null && r.envelope().eventId().equals(event.eventId()));

        assertThat(dead).hasSize(1);
        JsonNode delivery = awaitDelivery(tenant, "not an address", "FAILED");
        assertThat(delivery.path("attempts").asInt()).as("not retried").isEqualTo(1);
        assertThat(delivery.path("lastError").asString()).isEqualTo("Invalid recipient address");
    }

    @Test
    void eventsWithoutEmailsAndUnknownTypesAreSkipped() {
        String tenant = id("tenant");
        kafka.publish(envelope(new InvitationRevoked(id("inv"), "withdrawn"), tenant));
        RecordMetadata unknown = kafka.publishRaw(Topics.RESULTS, "ses-x", """
                {"eventId":"%s","type":"CertificateIssued","schemaVersion":1,"tenantId":"%s",
                 "payload":{"sessionId":"ses-x","url":"https://h.example/c"}}""".formatted(id("evt"), tenant));

        kafka.awaitConsumed("notification-service", unknown);

        assertThat(deliveries(tenant)).isEmpty();
        assertThat(kafka.readToEnd(Topics.deadLetterOf(Topics.RESULTS), r -> r.key() != null && r.key().equals("ses-x")))
                .isEmpty();
    }

    /** The lag is recorded once the SMTP send has returned, a moment after the sink has the message. */
    private void awaitReportLagOfAtLeast(long seconds, String why) {
        Timer reportLag = meters.get("hirepipe.notification.email.lag").tag("kind", "recruiter_score_report").timer();
        await().atMost(MAIL_TIMEOUT).untilAsserted(() -> assertThat(reportLag.max(TimeUnit.SECONDS)).as(why)
                .isGreaterThanOrEqualTo(seconds));
    }

    /** A result scored now for a candidate who submitted {@code ago}. */
    private static AssessmentScored submittedBefore(Duration ago, String candidate, String recruiter) {
        AssessmentScored scored = scored(candidate, recruiter, SubmitReason.CANDIDATE);
        return new AssessmentScored(scored.sessionId(), scored.invitationId(), scored.testId(), scored.testTitle(),
                scored.candidate(), scored.recruiterEmail(), scored.points(), scored.maxPoints(), scored.percent(),
                scored.passMarkPercent(), scored.passed(), scored.submitReason(), scored.items(), Instant.now(), false,
                0, Instant.now().minus(ago));
    }

    private JsonNode awaitDelivery(String tenant, String recipient, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(MAIL_TIMEOUT).until(() -> {
            found[0] = deliveries(tenant).stream()
                    .filter(d -> d.path("recipient").asString().equals(recipient))
                    .filter(d -> d.path("status").asString().equals(status))
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private List<JsonNode> deliveries(String tenant) {
        HttpApi.Response response = api(Caller.recruiter(tenant, "user-1", "rita@recruiting.example"))
                .get("/api/notifications/emails");
        assertThat(response.status()).isEqualTo(200);
        return List.copyOf(response.json().get("items").values());
    }
}
