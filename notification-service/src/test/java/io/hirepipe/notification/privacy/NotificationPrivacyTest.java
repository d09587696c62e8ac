package io.hirepipe.notification.privacy;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.embedded.SmtpSink;
import io.hirepipe.notification.TestEvents;
import io.hirepipe.notification.TestLinkKeys;
import io.hirepipe.notification.webhook.WebhookEventsListener;
import io.hirepipe.testkit.TestInfrastructure;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.CandidateErasureCompleted;
import io.hirepipe.contracts.events.CandidateErasureRequested;
import io.hirepipe.contracts.events.PrivacySettingsChanged;
import io.hirepipe.defaults.privacy.PrivacySettingsReplica;
import io.hirepipe.defaults.privacy.RetentionJob;
import io.hirepipe.notification.NotificationServiceTest;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.testkit.EventTopics;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Erasure and retention of the delivery log and webhook copies. */
class NotificationPrivacyTest extends NotificationServiceTest {

    private final EventTopics kafka = EventTopics.shared();
    private final SmtpSink smtp = TestInfrastructure.smtp();

    @Autowired
    MongoTemplate mongo;
    @Autowired
    PrivacySettingsReplica settings;
    @Autowired
    NotificationCandidateData eraser;

    @Test
    void erasureRemovesTheCandidatesAddressNameAndWebhookCopiesAndLeavesOthersAlone() {
        String tenant = "tenant-" + id();
        String invitation = "inv_" + id();
        String session = "ses_" + id();
        Instant now = Instant.now();
        String invitationEmail = email(tenant, "CANDIDATE_INVITATION", "grace@example.org",
                "Your Java basics assessment", invitation, "SENT", now);
        String report = email(tenant, "RECRUITER_SCORE_REPORT", "rita@example.com",
                "Scored: Grace Hopper – 80% (passed)", session, "RETRYING", now);
        // found by the address's hash alone: an email the request named no id of
        String stray = email(tenant, "CANDIDATE_INVITATION", " Grace@Example.org", "Your other assessment",
                "inv_" + id(), "SENT", now);
        String otherCandidate = email(tenant, "CANDIDATE_INVITATION", "ada@example.org", "Your Java basics assessment",
                "inv_" + id(), "SENT", now);
        // every kind of email to the candidate, not only the first invitation
        String receipt = email(tenant, "CANDIDATE_SUBMISSION_RECEIPT", "grace@example.org", "We received your answers",
                "ses_" + id(), "SENT", now);
        String resent = email(tenant, "CANDIDATE_INVITATION_RESENT", "grace@example.org", "Your new link",
                "inv_" + id(), "SENT", now);
        String webhook = webhook(tenant, "{\"data\":{\"invitationId\":\"" + invitation + "\"}}", "SUCCEEDED", now);
        String otherWebhook = webhook(tenant, "{\"data\":{\"invitationId\":\"inv_other\"}}", "SUCCEEDED", now);

        CandidateErasureCompleted completed = requestErasure(tenant, invitation, session,
                CandidateErasureRequested.emailSha256Of("grace@example.org"));

        assertThat(completed.service()).isEqualTo("notification-service");
        assertThat(completed.removedCounts()).containsEntry("email_deliveries", 5L).containsEntry("webhook_deliveries", 1L);
        for (String id : List.of(invitationEmail, report, stray, receipt, resent)) {
            assertThat(stored("email_deliveries", id)).doesNotContainIgnoringCase("grace").contains("\"eventId\"");
        }
        assertThat(stored("email_deliveries", report)).as("the recruiter's address is staff data")
                .contains("rita@example.com").contains("\"status\": \"FAILED\"");
        assertThat(stored("email_deliveries", otherCandidate)).contains("ada@example.org");
        assertThat(mongo.findById(webhook, Document.class, "webhook_deliveries")).isNull();
        assertThat(mongo.findById(webhook + "-1", Document.class, "webhook_attempts")).isNull();
        assertThat(mongo.findById(otherWebhook, Document.class, "webhook_deliveries")).isNotNull();

        CandidateErasureCompleted again = requestErasure(tenant, invitation, session,
                CandidateErasureRequested.emailSha256Of("grace@example.org"));
        assertThat(again.removedCounts()).containsEntry("email_deliveries", 0L).containsEntry("webhook_deliveries", 0L);
    }

    @Test
    void eventsOfAnErasedCandidateDeliveredLateSendNoEmailAndLeaveNoTrace() {
        String tenant = "tenant-" + id();
        String invitation = "inv_" + id();
        String session = "ses_" + id();
        String candidate = TestEvents.mailbox("grace");
        String recruiter = TestEvents.mailbox("rita");
        requestErasure(tenant, invitation, session, CandidateErasureRequested.emailSha256Of(candidate));

        // all published before the erasure, delivered after it
        Person grace = new Person("Grace Hopper", candidate);
        AssessmentScored scored = TestEvents.scored("Grace Hopper", recruiter, SubmitReason.CANDIDATE);
        List<RecordMetadata> late = List.of(
                kafka.publish(TestEvents.envelope(new AssessmentSubmitted(session, invitation, "test-backend",
                        "Backend basics", grace, recruiter, 60, SubmitReason.CANDIDATE, Instant.now().minusSeconds(600),
                        Instant.now().minusSeconds(5), List.of()), tenant)),
                kafka.publish(TestEvents.envelope(new AssessmentScored(session, invitation, scored.testId(),
                        scored.testTitle(), grace, recruiter, scored.points(), scored.maxPoints(), scored.percent(),
                        scored.passMarkPercent(), scored.passed(), scored.submitReason(), scored.items(),
                        scored.scoredAt(), false, 0), tenant)),
                kafka.publish(TestEvents.envelope(new InvitationCreated(invitation, "test-backend", "Backend basics",
                        grace, recruiter, null, 45, Instant.now().plusSeconds(86400),
                        TestLinkKeys.seal("https://hirepipe.example/a/tok"), 0), tenant)));
        for (RecordMetadata event : late) {
            kafka.awaitConsumed("notification-service", event);
            kafka.awaitConsumed(WebhookEventsListener.GROUP, event);
        }
        // the same kinds of event about another candidate still send their emails
        String otherRecruiter = TestEvents.mailbox("rita");
        kafka.publish(TestEvents.envelope(TestEvents.scored("Ada Lovelace", otherRecruiter, SubmitReason.CANDIDATE),
                tenant));
        smtp.awaitMessage(m -> m.isAddressedTo(otherRecruiter), Duration.ofSeconds(30));

        assertThat(smtp.messages()).noneMatch(m -> m.isAddressedTo(candidate) || m.isAddressedTo(recruiter));
        List<Document> deliveries = mongo.find(Query.query(Criteria.where("tenantId").is(tenant)), Document.class,
                "email_deliveries");
        assertThat(deliveries).hasSize(1).allSatisfy(d -> assertThat(d.toJson())
                .doesNotContain("Grace", candidate, invitation, session));
    }

    @Test
    void retentionDeletesFinishedDeliveriesOlderThanTheRetentionAndNothingElse() {
        String tenant = "tenant-" + id();
        String otherTenant = "tenant-" + id();
        Instant now = Instant.now();
        kafka.awaitConsumed("notification-service", kafka.publish(EventEnvelope.of(
                new PrivacySettingsChanged(tenant, 30, "DPO", "dpo@acme.example", 1, now), tenant, "corr-ret")));
        String old = email(tenant, "CANDIDATE_INVITATION", "old@example.org", "s", "inv_" + id(), "SENT",
                now.minus(Duration.ofDays(31)));
        String oldButDue = email(tenant, "CANDIDATE_INVITATION", "due@example.org", "s", "inv_" + id(), "RETRYING",
                now.minus(Duration.ofDays(31)));
        String young = email(tenant, "CANDIDATE_INVITATION", "young@example.org", "s", "inv_" + id(), "SENT",
                now.minus(Duration.ofDays(29)));
        String elsewhere = email(otherTenant, "CANDIDATE_INVITATION", "kept@example.org", "s", "inv_" + id(), "SENT",
                now.minus(Duration.ofDays(400)));
        String oldWebhook = webhook(tenant, "{}", "SUCCEEDED", now.minus(Duration.ofDays(31)));
        Clock fixed = Clock.fixed(now, ZoneOffset.UTC);

        Map<String, Map<String, Long>> removed = new RetentionJob(settings, eraser, mongo, fixed).runOnce();

        assertThat(removed.get(tenant)).containsEntry("email_deliveries", 1L).containsEntry("webhook_deliveries", 1L);
        assertThat(mongo.findById(old, Document.class, "email_deliveries")).isNull();
        assertThat(mongo.findById(oldWebhook, Document.class, "webhook_deliveries")).isNull();
        assertThat(mongo.findById(oldButDue, Document.class, "email_deliveries")).as("still being delivered").isNotNull();
        assertThat(mongo.findById(young, Document.class, "email_deliveries")).isNotNull();
        assertThat(mongo.findById(elsewhere, Document.class, "email_deliveries")).isNotNull();

        new RetentionJob(settings, eraser, mongo, Clock.offset(fixed, Duration.ofDays(2))).runOnce();
        assertThat(mongo.findById(young, Document.class, "email_deliveries")).isNull();
    }

    private CandidateErasureCompleted requestErasure(String tenant, String invitation, String session, String hash) {
        String erasureId = "era_" + id();
        kafka.publish(EventEnvelope.of(new CandidateErasureRequested(erasureId, List.of(invitation), List.of(session),
                hash, Instant.now()), tenant, "corr-erase"));
        List<EventRecord> answers = kafka.awaitRecords(Topics.PRIVACY, r -> erasureId.equals(r.key())
                && r.envelope() != null && r.envelope().payload() instanceof CandidateErasureCompleted);
        return (CandidateErasureCompleted) answers.get(0).envelope().payload();
    }

    private String email(String tenant, String kind, String recipient, String subject, String ref, String status,
                         Instant createdAt) {
        String id = "dlv_" + id();
        mongo.insert(new Document("_id", id).append("tenantId", tenant).append("eventId", "evt-" + id)
                .append("eventType", "InvitationCreated").append("kind", kind).append("recipient", recipient)
                .append("subject", subject).append("subjectRef", ref).append("status", status).append("attempts", 1)
                .append("lastError", "RETRYING".equals(status) ? "452 mailbox of " + recipient + " full" : null)
                .append("createdAt", Date.from(createdAt))
                .append("pendingMessage", "RETRYING".equals(status) ? "sealed" : null), "email_deliveries");
        return id;
    }

    private String webhook(String tenant, String body, String status, Instant createdAt) {
        String id = "whd_" + id();
        mongo.insert(new Document("_id", id).append("tenantId", tenant).append("subscriptionId", "whk_1")
                .append("eventId", "evt-" + id).append("type", "assessment.scored").append("body", body)
                .append("status", status).append("attempts", 1).append("createdAt", Date.from(createdAt)),
                "webhook_deliveries");
        mongo.insert(new Document("_id", id + "-1").append("tenantId", tenant).append("deliveryId", id)
                .append("number", 1).append("at", Date.from(createdAt)).append("statusCode", 200)
                .append("latencyMs", 5L), "webhook_attempts");
        return id;
    }

    private String stored(String collection, String id) {
        return mongo.findById(id, Document.class, collection).toJson();
    }

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
