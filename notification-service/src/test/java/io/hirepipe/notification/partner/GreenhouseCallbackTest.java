package io.hirepipe.notification.partner;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.PartnerTestSent;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.notification.NotificationServiceTest;
import io.hirepipe.notification.TestEvents;
import io.hirepipe.notification.TestHosts;
import io.hirepipe.notification.TestLinkKeys;
import io.hirepipe.notification.webhook.WebhookAttempt;
import io.hirepipe.notification.webhook.WebhookDelivery;
import io.hirepipe.testkit.EventTopics;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.hirepipe.notification.TestEvents.envelope;
import static io.hirepipe.notification.TestEvents.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Greenhouse's completion PATCH, from events in over real Kafka to a stub Greenhouse on loopback that
 * checks the documented request shape, through the webhook machinery's durable queue and retries.
 */
class GreenhouseCallbackTest extends NotificationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant AT = Instant.parse("2026-03-01T09:41:00Z");

    private final EventTopics kafka = EventTopics.shared();
    private final String key = "hp_k3y1d000_" + UUID.randomUUID().toString().replace("-", "");

    @Autowired
    MongoTemplate mongo;

    private static PartnerTestSent sent(String invitationId, String callbackUrl, String sealedKey) {
        return new PartnerTestSent(invitationId, "greenhouse", invitationId, callbackUrl, sealedKey, AT);
    }

    private static AssessmentScored scored(String invitationId, boolean provisional) {
        AssessmentScored s = TestEvents.scored("Ada Lovelace", "rita@recruiting.example", SubmitReason.CANDIDATE);
        return new AssessmentScored(s.sessionId(), invitationId, s.testId(), s.testTitle(), s.candidate(),
                s.recruiterEmail(), s.points(), s.maxPoints(), s.percent(), s.passMarkPercent(), s.passed(),
                s.submitReason(), s.items(), AT.plusSeconds(60), provisional, provisional ? 1 : 0);
    }

    private static AssessmentFinalized finalized(String invitationId) {
        return new AssessmentFinalized(id("ses"), invitationId, "test-backend", "Backend basics", null, null,
                new BigDecimal("8"), 10, 80.0, 60, true, 1, 0, "rita@recruiting.example", AT.plusSeconds(600));
    }

    /** A reviewer changed an item of the session's result; {@code provisional} as the result stands after it. */
    private static ScoreAdjusted adjusted(String invitationId, boolean provisional, Instant at) {
        return new ScoreAdjusted(id("ses"), "q-repl", new BigDecimal("3.5"), "explains shard keys in other words",
                "rita@recruiting.example", new BigDecimal("8.5"), 10, 85.0, true, at, new BigDecimal("2"),
                "Replication vs sharding", provisional, provisional ? 1 : 0, invitationId, "Backend basics",
                new Person("Ada Lovelace", "ada@example.org"), "rita@recruiting.example");
    }

    private List<WebhookDelivery> deliveries(String invitationId) {
        return mongo.find(Query.query(Criteria.where("subscriptionId").is(GreenhouseChannel.keyOf(invitationId))),
                WebhookDelivery.class);
    }

    private List<WebhookAttempt> attempts(WebhookDelivery delivery) {
        return mongo.find(Query.query(Criteria.where("deliveryId").is(delivery.id())), WebhookAttempt.class);
    }

    private void consumed(RecordMetadata record) {
        kafka.awaitConsumed(PartnerEventsListener.GROUP, record);
    }

    @Test
    void aFinalResultPatchesGreenhouseOnceAsDocumentedAndAProvisionalOneSendsNothing() throws Exception {
        String tenant = id("tenant");
        String invitationId = id("inv");
        try (GreenhouseStub greenhouse = new GreenhouseStub(key)) {
            kafka.publish(envelope(sent(invitationId, greenhouse.callbackUrl("12345"), TestLinkKeys.seal(key)), tenant));
            consumed(kafka.publish(envelope(scored(invitationId, true), tenant)));
            assertThat(deliveries(invitationId)).as("a provisional score sends nothing yet").isEmpty();

            kafka.publish(envelope(finalized(invitationId), tenant));

            await().atMost(WAIT).until(() -> greenhouse.requests().size() == 1);
            GreenhouseStub.Request patch = greenhouse.requests().get(0);
            assertThat(patch.violations()).isEmpty();
            assertThat(patch.path()).isEqualTo(GreenhouseStub.PATH + "12345");
            await().atMost(WAIT).until(() -> deliveries(invitationId).get(0).status() == WebhookDelivery.Status.SUCCEEDED);

            // redelivered and later final events (a non-provisional score, the finalisation again) change nothing
            kafka.publish(envelope(finalized(invitationId), tenant));
            consumed(kafka.publish(envelope(scored(invitationId, false), tenant)));
            assertThat(deliveries(invitationId)).hasSize(1);
            assertThat(greenhouse.requests()).hasSize(1);
            assertThat(deliveries(invitationId).get(0).toString()).doesNotContain(key);
        }
    }

    /**
     * Greenhouse stops asking once it heard "complete", so a reviewer changing a final result must tell it
     * again (a PATCH makes Greenhouse read test_status anew); a change while the result is provisional, or the
     * same adjustment delivered twice, must not.
     */
    @Test
    void aScoreChangedAfterTheResultWasFinalPatchesGreenhouseAgainOncePerChange() throws Exception {
        String tenant = id("tenant");
        String invitationId = id("inv");
        try (GreenhouseStub greenhouse = new GreenhouseStub(key)) {
            kafka.publish(envelope(sent(invitationId, greenhouse.callbackUrl("4711"), TestLinkKeys.seal(key)), tenant));
            consumed(kafka.publish(envelope(adjusted(invitationId, true, AT.plusSeconds(120)), tenant)));
            assertThat(deliveries(invitationId)).as("a change to a provisional result sends nothing").isEmpty();
            kafka.publish(envelope(finalized(invitationId), tenant));
            await().atMost(WAIT).until(() -> greenhouse.requests().size() == 1);

            EventEnvelope<ScoreAdjusted> change = envelope(adjusted(invitationId, false, AT.plusSeconds(900)), tenant);
            kafka.publish(change);

            await().atMost(WAIT).until(() -> greenhouse.requests().size() == 2);
            assertThat(greenhouse.requests().get(1).violations()).isEmpty();
            assertThat(greenhouse.requests().get(1).path()).isEqualTo(GreenhouseStub.PATH + "4711");
            await().atMost(WAIT).until(() -> deliveries(invitationId).stream()
                    .allMatch(d -> d.status() == WebhookDelivery.Status.SUCCEEDED));
            consumed(kafka.publish(change));
            assertThat(deliveries(invitationId)).as("the same change delivered twice").hasSize(2);
            assertThat(greenhouse.requests()).hasSize(2);
        }
    }

    @Test
    void aResultThatIsFinalAtOnceAndArrivesBeforeTheCallbackStillPatchesOnce() throws Exception {
        String tenant = id("tenant");
        String invitationId = id("inv");
        try (GreenhouseStub greenhouse = new GreenhouseStub(key)) {
            consumed(kafka.publish(envelope(scored(invitationId, false), tenant)));
            kafka.publish(envelope(sent(invitationId, greenhouse.callbackUrl("777"), TestLinkKeys.seal(key)), tenant));

            await().atMost(WAIT).until(() -> greenhouse.requests().size() == 1);
            assertThat(greenhouse.requests().get(0).violations()).isEmpty();
            consumed(kafka.publish(envelope(sent(invitationId, greenhouse.callbackUrl("777"), TestLinkKeys.seal(key)),
                    tenant)));
            assertThat(deliveries(invitationId)).hasSize(1);
        }
    }

    @Test
    void greenhouseDownForTheFirstAttemptsGetsThePatchLaterOnceSucceeded() throws Exception {
        String tenant = id("tenant");
        String invitationId = id("inv");
        try (GreenhouseStub greenhouse = new GreenhouseStub(key)) {
            greenhouse.answer(n -> n <= 2 ? 503 : 204);
            kafka.publish(envelope(sent(invitationId, greenhouse.callbackUrl("9"), TestLinkKeys.seal(key)), tenant));
            kafka.publish(envelope(finalized(invitationId), tenant));

            await().atMost(WAIT).until(() -> !deliveries(invitationId).isEmpty()
                    && deliveries(invitationId).get(0).status() == WebhookDelivery.Status.SUCCEEDED);
            WebhookDelivery delivery = deliveries(invitationId).get(0);
            assertThat(delivery.attempts()).isEqualTo(3);
            assertThat(attempts(delivery)).extracting(WebhookAttempt::statusCode).containsExactly(503, 503, 204);
            assertThat(greenhouse.requests()).hasSize(3).allSatisfy(r -> assertThat(r.violations()).isEmpty());
        }
    }

    @Test
    void aCallbackOffTheAllowListOrResolvingToAPrivateAddressIsNeverCalled() throws Exception {
        String tenant = id("tenant");
        try (GreenhouseStub greenhouse = new GreenhouseStub(key)) {
            String offList = id("inv");
            String port = greenhouse.callbackUrl("1").replaceAll("^http://127\\.0\\.0\\.1:(\\d+).*$", "$1");
            TestHosts.resolve("greenhouse-lookalike.example", "127.0.0.1");
            kafka.publish(envelope(sent(offList, "http://greenhouse-lookalike.example:" + port
                    + GreenhouseStub.PATH + "1", TestLinkKeys.seal(key)), tenant));
            kafka.publish(envelope(finalized(offList), tenant));

            String rebound = id("inv");
            TestHosts.resolve("app.greenhouse.io", "10.1.2.3");
            kafka.publish(envelope(sent(rebound, "https://app.greenhouse.io" + GreenhouseStub.PATH + "2",
                    TestLinkKeys.seal(key)), tenant));
            kafka.publish(envelope(finalized(rebound), tenant));

            await().atMost(WAIT).until(() -> !deliveries(offList).isEmpty() && !attempts(deliveries(offList).get(0)).isEmpty()
                    && !deliveries(rebound).isEmpty() && !attempts(deliveries(rebound).get(0)).isEmpty());
            assertThat(attempts(deliveries(offList).get(0)).get(0).error()).contains("not a configured Greenhouse host");
            assertThat(attempts(deliveries(rebound).get(0)).get(0).error()).contains("SSRF guard", "private");
            assertThat(greenhouse.requests()).isEmpty();
        }
    }

    @Test
    void anotherTenantsFinalResultForTheSameIdTriggersNothing() throws Exception {
        String tenant = id("tenant");
        String invitationId = id("inv");
        try (GreenhouseStub greenhouse = new GreenhouseStub(key)) {
            kafka.publish(envelope(sent(invitationId, greenhouse.callbackUrl("5"), TestLinkKeys.seal(key)), tenant));
            consumed(kafka.publish(envelope(finalized(invitationId), id("tenant"))));

            assertThat(deliveries(invitationId)).isEmpty();
            assertThat(greenhouse.requests()).isEmpty();
        }
    }
}
