package io.hirepipe.notification.partner;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.PartnerResultReady;
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
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
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
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private static PartnerTestSent sent(String invitationId, String callbackUrl, String sealedKey) {
        return new PartnerTestSent(invitationId, "greenhouse", invitationId, callbackUrl, sealedKey, AT);
    }

    private static AssessmentScored scored(String sessionId, String invitationId, boolean provisional) {
        AssessmentScored s = TestEvents.scored("Ada Lovelace", "rita@recruiting.example", SubmitReason.CANDIDATE);
        return new AssessmentScored(sessionId, invitationId, s.testId(), s.testTitle(), s.candidate(),
                s.recruiterEmail(), s.points(), s.maxPoints(), s.percent(), s.passMarkPercent(), s.passed(),
                s.submitReason(), s.items(), AT.plusSeconds(60), provisional, provisional ? 1 : 0);
    }

    private static AssessmentFinalized finalized(String sessionId, String invitationId) {
        return new AssessmentFinalized(sessionId, invitationId, "test-backend", "Backend basics", null, null,
                new BigDecimal("8"), 10, 80.0, 60, true, 1, 0, "rita@recruiting.example", AT.plusSeconds(600));
    }

    /** A reviewer changed an item of the final result. */
    private static ScoreAdjusted adjusted(String sessionId, String invitationId) {
        return new ScoreAdjusted(sessionId, "q-repl", new BigDecimal("3.5"), "explains shard keys in other words",
                "rita@recruiting.example", new BigDecimal("8.5"), 10, 85.0, true, AT.plusSeconds(900), new BigDecimal("2"),
                "Replication vs sharding", false, 0, invitationId, "Backend basics",
                new Person("Ada Lovelace", "ada@example.org"), "rita@recruiting.example");
    }

    /** assessment-service applied the invitation's final result ({@code version} 1) or a change to it (2, …). */
    private static PartnerResultReady ready(String invitationId, int version) {
        return new PartnerResultReady(invitationId, "ses-1", "greenhouse", version, AT.plusSeconds(600L * version));
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

    /**
     * The race this guards against: scoring's final events reach this service and assessment-service
     * independently, so a PATCH sent on them could make Greenhouse call test_status before assessment-service
     * applied the result, read "incomplete", and (as it no longer polls) never ask again. Only assessment-service's
     * announcement, written with the applied result, sends it.
     */
    @Test
    void theFinalResultsEventsAloneSendNothingAndTheAnnouncementThatItIsAppliedPatchesGreenhouseOnce() throws Exception {
        String tenant = id("tenant");
        String invitationId = id("inv");
        try (GreenhouseStub greenhouse = new GreenhouseStub(key)) {
            consumed(kafka.publish(envelope(sent(invitationId, greenhouse.callbackUrl("12345"), TestLinkKeys.seal(key)),
                    tenant)));
            // one session's results share a partition: once the last is consumed, so are the others
            String session = id("ses");
            kafka.publish(envelope(scored(session, invitationId, false), tenant));
            kafka.publish(envelope(adjusted(session, invitationId), tenant));
            kafka.awaitConsumed("notification-service", kafka.publish(envelope(finalized(session, invitationId), tenant)));

            assertThat(deliveries(invitationId)).as("final per scoring, not yet applied by assessment-service").isEmpty();
            assertThat(greenhouse.requests()).isEmpty();
            // its own consumer group may lag the one awaited above: that it never reads the topic is the real guarantee
            assertThat(listeners.getListenerContainer(PartnerEventsListener.GROUP).getContainerProperties().getTopics())
                    .as("the partner listener does not act on scoring's results at all").doesNotContain(Topics.RESULTS);

            EventEnvelope<PartnerResultReady> ready = envelope(ready(invitationId, 1), tenant);
            kafka.publish(ready);

            await().atMost(WAIT).until(() -> greenhouse.requests().size() == 1);
            GreenhouseStub.Request patch = greenhouse.requests().get(0);
            assertThat(patch.violations()).isEmpty();
            assertThat(patch.path()).isEqualTo(GreenhouseStub.PATH + "12345");
            await().atMost(WAIT).until(() -> deliveries(invitationId).get(0).status() == WebhookDelivery.Status.SUCCEEDED);

            consumed(kafka.publish(ready));
            assertThat(deliveries(invitationId)).as("the same announcement delivered twice").hasSize(1);
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
            kafka.publish(envelope(ready(invitationId, 1), tenant));
            await().atMost(WAIT).until(() -> greenhouse.requests().size() == 1);

            EventEnvelope<PartnerResultReady> change = envelope(ready(invitationId, 2), tenant);
            kafka.publish(change);

            await().atMost(WAIT).until(() -> greenhouse.requests().size() == 2);
            assertThat(greenhouse.requests().get(1).violations()).isEmpty();
            assertThat(greenhouse.requests().get(1).path()).isEqualTo(GreenhouseStub.PATH + "4711");
            await().atMost(WAIT).until(() -> deliveries(invitationId).stream()
                    .allMatch(d -> d.status() == WebhookDelivery.Status.SUCCEEDED));
            consumed(kafka.publish(change));
            consumed(kafka.publish(envelope(ready(invitationId, 2), tenant)));
            assertThat(deliveries(invitationId)).as("the same change announced twice").hasSize(2);
            assertThat(greenhouse.requests()).hasSize(2);
        }
    }

    @Test
    void aResultAnnouncedBeforeTheCallbackArrivesStillPatchesOnce() throws Exception {
        String tenant = id("tenant");
        String invitationId = id("inv");
        try (GreenhouseStub greenhouse = new GreenhouseStub(key)) {
            consumed(kafka.publish(envelope(ready(invitationId, 1), tenant)));
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
            kafka.publish(envelope(ready(invitationId, 1), tenant));

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
            kafka.publish(envelope(ready(offList, 1), tenant));

            String rebound = id("inv");
            TestHosts.resolve("app.greenhouse.io", "10.1.2.3");
            kafka.publish(envelope(sent(rebound, "https://app.greenhouse.io" + GreenhouseStub.PATH + "2",
                    TestLinkKeys.seal(key)), tenant));
            kafka.publish(envelope(ready(rebound, 1), tenant));

            await().atMost(WAIT).until(() -> !deliveries(offList).isEmpty() && !attempts(deliveries(offList).get(0)).isEmpty()
                    && !deliveries(rebound).isEmpty() && !attempts(deliveries(rebound).get(0)).isEmpty());
            assertThat(attempts(deliveries(offList).get(0)).get(0).error()).contains("not a configured Greenhouse host");
            assertThat(attempts(deliveries(rebound).get(0)).get(0).error()).contains("SSRF guard", "private");
            assertThat(greenhouse.requests()).isEmpty();
        }
    }

    @Test
    void anotherTenantsAnnouncementForTheSameIdTriggersNothing() throws Exception {
        String tenant = id("tenant");
        String invitationId = id("inv");
        try (GreenhouseStub greenhouse = new GreenhouseStub(key)) {
            kafka.publish(envelope(sent(invitationId, greenhouse.callbackUrl("5"), TestLinkKeys.seal(key)), tenant));
            consumed(kafka.publish(envelope(ready(invitationId, 1), id("tenant"))));

            assertThat(deliveries(invitationId)).isEmpty();
            assertThat(greenhouse.requests()).isEmpty();
        }
    }
}
