package io.hirepipe.notification.webhook;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationExpired;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.embedded.ReceivedMail;
import io.hirepipe.notification.NotificationServiceTest;
import io.hirepipe.notification.TestEvents;
import io.hirepipe.notification.TestHosts;
import io.hirepipe.testkit.AtOnce;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.TestInfrastructure;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.hirepipe.notification.TestEvents.envelope;
import static io.hirepipe.notification.TestEvents.id;
import static io.hirepipe.notification.TestEvents.mailbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events in over real Kafka, signed webhooks out over real HTTP to receivers on loopback. */
class WebhookDeliveryTest extends NotificationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventTopics kafka = EventTopics.shared();

    @Autowired
    MongoTemplate mongo;

    private HttpApi recruiter(String tenant) {
        return api(Caller.user(tenant, "user-1", "rita@recruiting.example", Role.ADMIN));
    }

    private static AssessmentScored scored(boolean provisional) {
        return scored(provisional, "rita@recruiting.example");
    }

    private static AssessmentScored scored(boolean provisional, String recruiterEmail) {
        AssessmentScored s = TestEvents.scored("Ada Lovelace", recruiterEmail, SubmitReason.CANDIDATE);
        return new AssessmentScored(s.sessionId(), s.invitationId(), s.testId(), s.testTitle(), s.candidate(),
                s.recruiterEmail(), s.points(), s.maxPoints(), s.percent(), s.passMarkPercent(), s.passed(),
                s.submitReason(), s.items(), s.scoredAt(), provisional, provisional ? 1 : 0);
    }

    @Test
    void aScoredEventArrivesSignedWithItsProvisionalFlagAndNoPersonalData() throws Exception {
        String tenant = id("tenant");
        try (Receiver receiver = Receiver.answering(204)) {
            JsonNode subscription = Webhooks.subscribe(recruiter(tenant), receiver.url(), "assessment.scored");
            String secret = subscription.path("secret").asString();
            EventEnvelope<AssessmentScored> event = envelope(scored(true), tenant);
            kafka.publish(event);

            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            Receiver.Request request = receiver.requests().get(0);
            assertThat(request.header("webhook-id")).startsWith("msg_");
            assertThat(Long.parseLong(request.header("webhook-timestamp")))
                    .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(30L));
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(Webhooks.verify(secret, request.header("webhook-id"), request.header("webhook-timestamp"),
                    request.body(), request.header("webhook-signature"))).isTrue();
            assertThat(Webhooks.verify(WebhookSigner.newSecret(), request.header("webhook-id"),
                    request.header("webhook-timestamp"), request.body(), request.header("webhook-signature")))
                    .as("another secret does not verify").isFalse();

            JsonNode body = JSON.readTree(request.body());
            assertThat(body.path("type").asString()).isEqualTo("assessment.scored");
            assertThat(body.path("eventId").asString()).isEqualTo(event.eventId());
            JsonNode data = body.path("data");
            assertThat(data.path("sessionId").asString()).isEqualTo(event.payload().sessionId());
            assertThat(data.path("invitationId").asString()).isEqualTo(event.payload().invitationId());
            assertThat(data.path("status").asString()).isEqualTo("SCORED_PROVISIONAL");
            assertThat(data.path("score").path("provisional").asBoolean()).isTrue();
            assertThat(data.path("score").path("reviewCount").asInt()).isEqualTo(1);
            assertThat(data.path("score").path("points").decimalValue()).isEqualByComparingTo("7");
            assertThat(data.path("resultUrl").asString())
                    .isEqualTo("https://hirepipe.example/api/v1/results/" + event.payload().sessionId());
            assertThat(request.body()).doesNotContain("ada@example.org", "Ada Lovelace", "rita@", "copies");

            JsonNode delivery = awaitDelivery(tenant, subscription.path("id").asString(), "SUCCEEDED");
            assertThat(delivery.path("id").asString()).isEqualTo(request.header("webhook-id"));
            assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(204);
            assertThat(delivery.path("lastLatencyMs").isNumber()).isTrue();
        }
    }

    @Test
    void invitationSubmissionAndExpiryEventsArriveTypedWithoutTokensOrAnswers() throws Exception {
        String tenant = id("tenant");
        try (Receiver receiver = Receiver.answering(200)) {
            Webhooks.subscribe(recruiter(tenant), receiver.url(), "invitation.created", "assessment.submitted",
                    "invitation.expired");
            InvitationCreated invited = TestEvents.invitation("Ada", "ada@example.org",
                    "https://hirepipe.example/take#token=tok_secret_link");
            kafka.publish(envelope(invited, tenant));
            kafka.publish(envelope(new AssessmentSubmitted(id("ses"), invited.invitationId(), "test-backend",
                    "Backend basics", new Person("Ada", "ada@example.org"), "rita@recruiting.example", 60,
                    SubmitReason.TIMEOUT, Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:45:00Z"),
                    List.of(new SubmittedAnswer("q-repl", 1, List.of(), "my secret answer text", "Replication"))),
                    tenant));
            kafka.publish(envelope(new InvitationExpired(id("inv"), "test-backend",
                    Instant.parse("2026-03-08T17:00:00Z")), tenant));
            kafka.publish(envelope(new InvitationRevoked(invited.invitationId(), "not subscribed"), tenant));

            await().atMost(WAIT).until(() -> receiver.requests().size() == 3);
            Map<String, JsonNode> byType = new java.util.HashMap<>();
            for (Receiver.Request request : receiver.requests()) {
                assertThat(request.body()).doesNotContain("tok_secret_link", "my secret answer text", "ada@example.org",
                        invited.sealedAccessUrl());
                JsonNode body = JSON.readTree(request.body());
                byType.put(body.path("type").asString(), body.path("data"));
            }
            assertThat(byType).containsOnlyKeys("invitation.created", "assessment.submitted", "invitation.expired");
            assertThat(byType.get("invitation.created").path("status").asString()).isEqualTo("INVITED");
            assertThat(byType.get("invitation.created").path("invitationUrl").asString())
                    .isEqualTo("https://hirepipe.example/api/v1/invitations/" + invited.invitationId());
            assertThat(byType.get("assessment.submitted").path("submitReason").asString()).isEqualTo("TIMEOUT");
            assertThat(byType.get("invitation.expired").path("expiresAt").asString()).isEqualTo("2026-03-08T17:00:00Z");
        }
    }

    @Test
    void aReceiverDownForItsFirstAttemptsGetsTheDeliveryOnceLaterAndARedeliveredEventChangesNothing()
            throws Exception {
        String tenant = id("tenant");
        try (Receiver receiver = Receiver.failingFirst(3)) {
            String subscription = Webhooks.subscribe(recruiter(tenant), receiver.url(), "assessment.scored")
                    .path("id").asString();
            EventEnvelope<AssessmentScored> event = envelope(scored(false), tenant);
            kafka.publish(event);

            JsonNode delivered = awaitDelivery(tenant, subscription, "SUCCEEDED");
            assertThat(delivered.path("attempts").asInt()).isEqualTo(4);
            assertThat(receiver.requests()).hasSize(4)
                    .extracting(r -> r.header("webhook-id")).containsOnly(delivered.path("id").asString());

            JsonNode log = recruiter(tenant).get("/api/notifications/webhooks/" + subscription + "/deliveries/"
                    + delivered.path("id").asString()).expect(200);
            assertThat(log.path("attemptLog").values()).extracting(a -> a.path("statusCode").asInt())
                    .containsExactly(503, 503, 503, 200);

            RecordMetadata again = kafka.publish(event);
            kafka.awaitConsumed(WebhookEventsListener.GROUP, again);
            assertThat(deliveries(tenant, subscription)).hasSize(1);
            assertThat(receiver.requests()).as("nothing sent again").hasSize(4);
        }
    }

    /**
     * Standard Webhooks: a {@code Retry-After} on a failed attempt should be taken into account. The test schedule
     * would retry after 200 ms; the receiver asked for 3 s, so the retry waits that long (same webhook-id, a
     * fresh timestamp that verifies).
     */
    @Test
    void aReceiverAskingToRetryAfterSomeSecondsIsNotRetriedSooner() throws Exception {
        String tenant = id("tenant");
        try (Receiver receiver = Receiver.busyFirst("3")) {
            JsonNode created = Webhooks.subscribe(recruiter(tenant), receiver.url(), "assessment.scored");
            kafka.publish(envelope(scored(false), tenant));

            JsonNode delivered = awaitDelivery(tenant, created.path("id").asString(), "SUCCEEDED");

            List<Receiver.Request> requests = receiver.requests();
            assertThat(requests).hasSize(2);
            assertThat(Duration.ofNanos(requests.get(1).receivedAtNanos() - requests.get(0).receivedAtNanos()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(2_900));
            assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(delivered.path("id").asString());
            Receiver.Request retry = requests.get(1);
            assertThat(Webhooks.verify(created.path("secret").asString(), retry.header("webhook-id"),
                    retry.header("webhook-timestamp"), retry.body(), retry.header("webhook-signature"))).isTrue();
        }
    }

    @Test
    void aHangingReceiverDoesNotHoldUpAnotherSubscription() throws Exception {
        String tenant = id("tenant");
        try (Receiver hanging = Receiver.hanging(); Receiver healthy = Receiver.answering(200)) {
            String stuck = Webhooks.subscribe(recruiter(tenant), hanging.url(), "assessment.scored").path("id").asString();
            Webhooks.subscribe(recruiter(tenant), healthy.url(), "assessment.scored");
            for (int i = 0; i < 6; i++) {
                kafka.publish(envelope(scored(false), tenant));
            }

            await().atMost(WAIT).until(() -> healthy.requests().size() == 6);
            // every attempt to the hanging receiver is still waiting for its answer: the healthy
            // subscription's six deliveries went out alongside them, not after their timeouts
            assertThat(deliveries(tenant, stuck)).allSatisfy(d -> {
                assertThat(d.path("status").asString()).isEqualTo("PENDING");
                assertThat(d.path("lastError").isNull()).isTrue();
            });
            assertThat(hanging.requests().size()).as("at most the per-subscription limit in flight").isBetween(1, 4);
            // Its deliveries would otherwise be retried, once the receiver closes, to whatever next listens on its port:
            // another test's receiver.
            recruiter(tenant).delete("/api/notifications/webhooks/" + stuck);
        }
    }

    /**
     * Receivers that keep failing share a few workers: each gets one attempt at a time, and all of them together at
     * most {@code failing-workers} (4 of the 8 here), so a tenant whose receivers hang cannot hold every worker for
     * its timeouts while other tenants' deliveries wait behind its backlog.
     */
    @Test
    void receiversThatKeepFailingGetOneAttemptAtATimeAndLeaveWorkersForTheHealthy() throws Exception {
        String stuckTenant = id("tenant");
        String tenant = id("tenant");
        List<Receiver> hanging = new ArrayList<>();
        try (Receiver healthy = Receiver.answering(200)) {
            List<String> stuck = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Receiver receiver = Receiver.hanging();
                hanging.add(receiver);
                stuck.add(Webhooks.subscribe(recruiter(stuckTenant), receiver.url(), "assessment.scored")
                        .path("id").asString());
            }
            // their earlier deliveries failed (as any instance records it on the subscription)
            mongo.updateMulti(Query.query(Criteria.where("_id").in(stuck)),
                    new Update().set("failingSince", Instant.now().minusSeconds(60)), WebhookSubscription.class);
            Webhooks.subscribe(recruiter(tenant), healthy.url(), "assessment.scored");

            for (int i = 0; i < 3; i++) {
                kafka.publish(envelope(scored(false), stuckTenant));
            }
            await().atMost(WAIT).until(() -> hanging.stream().mapToInt(r -> r.requests().size()).sum() >= 4);
            for (int i = 0; i < 4; i++) {
                kafka.publish(envelope(scored(false), tenant));
            }
            await().atMost(WAIT).until(() -> healthy.requests().size() == 4);
            // a second round of attempts to the failing receivers, each once the one before it timed out (2 s)
            await().atMost(WAIT).until(() -> hanging.stream().allMatch(r -> r.requests().size() >= 2));

            // Seen from the receivers, an attempt holds its worker from its arrival for the 2 s time-out, and attempts
            // that overlap arrive together. Half that tells them apart with a second's room either way for when a
            // loaded machine records an arrival late.
            Duration inFlight = Duration.ofSeconds(1);
            List<Long> starts = new ArrayList<>();
            for (Receiver receiver : hanging) {
                List<Long> own = receiver.requests().stream().map(Receiver.Request::receivedAtNanos).sorted().toList();
                for (int i = 1; i < own.size(); i++) {
                    assertThat(Duration.ofNanos(own.get(i) - own.get(i - 1)))
                            .as("one attempt at a time to a failing receiver").isGreaterThan(inFlight);
                }
                starts.addAll(own);
            }
            starts.sort(null);
            for (long start : starts) {
                assertThat(starts.stream().filter(t -> t >= start && t - start < inFlight.toNanos()).count())
                        .as("attempts in flight to failing receivers at once").isLessThanOrEqualTo(4);
            }
            // Their deliveries would otherwise be retried, once the receivers close, to whatever next listens on
            // their ports: another test's receiver.
            stuck.forEach(id -> recruiter(stuckTenant).delete("/api/notifications/webhooks/" + id));
        } finally {
            hanging.forEach(Receiver::close);
        }
    }

    @Test
    void a410DisablesTheSubscriptionAndLaterEventsAreNotSent() throws Exception {
        String tenant = id("tenant");
        try (Receiver receiver = Receiver.answering(410)) {
            String subscription = Webhooks.subscribe(recruiter(tenant), receiver.url(), "assessment.scored")
                    .path("id").asString();
            kafka.publish(envelope(scored(false), tenant));

            await().atMost(WAIT).until(() -> !recruiter(tenant).get("/api/notifications/webhooks/" + subscription)
                    .expect(200).path("enabled").asBoolean());
            JsonNode disabled = recruiter(tenant).get("/api/notifications/webhooks/" + subscription).expect(200);
            assertThat(disabled.path("disabledReason").asString()).contains("410");
            assertThat(deliveries(tenant, subscription)).singleElement()
                    .satisfies(d -> assertThat(d.path("status").asString()).isEqualTo("FAILED"));

            RecordMetadata later = kafka.publish(envelope(scored(false), tenant));
            kafka.awaitConsumed(WebhookEventsListener.GROUP, later);
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    /**
     * An administrator moving the subscription to a new URL while an attempt to the old one is under way: the old
     * receiver's 410 speaks for the old URL only, so the moved subscription stays enabled and gets the next event.
     */
    @Test
    void a410FromTheOldUrlDoesNotDisableASubscriptionMovedMeanwhile() throws Exception {
        String tenant = id("tenant");
        try (Receiver moved = Receiver.answering(200); Receiver old = Receiver.answering(410)) {
            String subscription = Webhooks.subscribe(recruiter(tenant), old.url(), "assessment.scored")
                    .path("id").asString();
            old.answer(n -> {
                recruiter(tenant).put("/api/notifications/webhooks/" + subscription, Map.of("url", moved.url(),
                        "eventTypes", List.of("assessment.scored"))).expect(200);
                return 410;
            });
            kafka.publish(envelope(scored(false), tenant));
            awaitDelivery(tenant, subscription, "FAILED");

            kafka.publish(envelope(scored(false), tenant));

            await().atMost(WAIT).until(() -> moved.requests().size() == 1);
            JsonNode after = recruiter(tenant).get("/api/notifications/webhooks/" + subscription).expect(200);
            assertThat(after.path("url").asString()).isEqualTo(moved.url());
            assertThat(after.path("enabled").asBoolean()).as(after.toString()).isTrue();
            assertThat(old.requests()).hasSize(1);
        }
    }

    /**
     * Failing for days, and re-enabled by an administrator while the attempt that would disable it is under way: their
     * re-enabling (which starts the failure clock again) stands.
     */
    @Test
    void aSubscriptionReEnabledDuringTheAttemptThatWouldDisableItStaysEnabled() throws Exception {
        String tenant = id("tenant");
        try (Receiver receiver = Receiver.answering(500)) {
            String subscription = Webhooks.subscribe(recruiter(tenant), receiver.url(), "assessment.scored")
                    .path("id").asString();
            failingForSixDays(subscription);
            receiver.answer(n -> {
                if (n == 1) {
                    recruiter(tenant).put("/api/notifications/webhooks/" + subscription, Map.of("url", receiver.url(),
                            "eventTypes", List.of("assessment.scored"), "enabled", true)).expect(200);
                }
                return n == 1 ? 500 : 200;
            });
            kafka.publish(envelope(scored(false), tenant));

            JsonNode retried = awaitDelivery(tenant, subscription, "SUCCEEDED");

            assertThat(retried.path("attempts").asInt()).isEqualTo(2);
            JsonNode after = recruiter(tenant).get("/api/notifications/webhooks/" + subscription).expect(200);
            assertThat(after.path("enabled").asBoolean()).as(after.toString()).isTrue();
        }
    }

    /**
     * Secrets rotated by several requests at once (a client retrying one whose answer it lost): every secret handed
     * out is stored and signs during the overlap, as when they are rotated one after another.
     */
    @Test
    void everySecretOfRotationsMadeAtOnceSigns() throws Exception {
        String tenant = id("tenant");
        try (Receiver receiver = Receiver.answering(200)) {
            JsonNode created = Webhooks.subscribe(recruiter(tenant), receiver.url(), "assessment.scored");
            String subscription = created.path("id").asString();
            List<String> secrets = new ArrayList<>(List.of(created.path("secret").asString()));
            for (int round = 0; round < 5; round++) {
                AtOnce.run(3, client -> () -> recruiter(tenant).post("/api/notifications/webhooks/" + subscription
                        + "/rotate-secret", Map.of()).expect(200))
                        .forEach(rotated -> secrets.add(rotated.path("secret").asString()));
            }

            recruiter(tenant).post("/api/notifications/webhooks/" + subscription + "/ping", Map.of()).expect(202);

            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            Receiver.Request ping = receiver.requests().get(0);
            assertThat(secrets).doesNotHaveDuplicates().allSatisfy(secret -> assertThat(Webhooks.verify(secret,
                    ping.header("webhook-id"), ping.header("webhook-timestamp"), ping.body(),
                    ping.header("webhook-signature"))).as("signs with %s", secrets.indexOf(secret)).isTrue());
        }
    }

    @Test
    void failingForDaysDisablesTheSubscriptionAndEmailsTheRecruiter() throws Exception {
        String tenant = id("tenant");
        String recruiterEmail = mailbox("rita");
        try (Receiver receiver = Receiver.answering(500)) {
            // a receiver's URL often carries its own secret (a token in the query, a path like Slack's)
            String url = receiver.url() + "/hooks/receiver-path-secret?token=receiver-query-secret";
            // made with an API key: no person behind it, so the recruiter to tell is the one the tenant's events last named
            String subscription = Webhooks.subscribe(api(Caller.platform(tenant, "key-ats"),
                    List.of("webhooks:manage", "results:read")), url, "assessment.scored")
                    .path("id").asString();
            failingForSixDays(subscription);
            kafka.publish(envelope(scored(false, recruiterEmail), tenant));

            ReceivedMail mail = TestInfrastructure.smtp().awaitMessage(m -> m.isAddressedTo(recruiterEmail)
                    && m.subject().startsWith("Webhook disabled"), WAIT);
            assertThat(mail.subject()).isEqualTo("Webhook disabled: " + URI.create(url).getHost());
            assertThat(mail.textBody()).contains(subscription).contains("failed for 5 days");
            // The notice goes to whichever address the tenant's events last named (any invitation's creator chooses
            // it), and its subject is in the email log every VIEWER reads: the endpoint is named by its host only.
            assertThat(String.join("\n", mail.subject(), String.valueOf(mail.textBody()), String.valueOf(mail.htmlBody())))
                    .doesNotContain("receiver-path-secret").doesNotContain("receiver-query-secret");
            JsonNode emailLog = api(Caller.user(tenant, "user-viewer", "vera@recruiting.example", Role.VIEWER))
                    .get("/api/notifications/emails").expect(200);
            assertThat(emailLog.get("items").values()).extracting(e -> e.path("kind").asString())
                    .contains("RECRUITER_WEBHOOK_DISABLED");
            assertThat(emailLog.toString()).doesNotContain("receiver-path-secret").doesNotContain("receiver-query-secret");
            JsonNode disabled = recruiter(tenant).get("/api/notifications/webhooks/" + subscription).expect(200);
            assertThat(disabled.path("enabled").asBoolean()).isFalse();
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    /**
     * The person who set a subscription up (or the address they name) hears that it was disabled, not whichever
     * recruiter the tenant's last invitation happened to name.
     */
    @Test
    void theDisabledNoticeGoesToWhoeverSetTheSubscriptionUpOrTheAddressTheyName() throws Exception {
        String tenant = id("tenant");
        String creator = mailbox("ian");
        String operations = mailbox("integrations");
        HttpApi admin = api(Caller.user(tenant, "user-ian", creator, Role.ADMIN));
        try (Receiver receiver = Receiver.answering(500)) {
            JsonNode created = Webhooks.subscribe(admin, receiver.url(), "assessment.scored");
            String subscription = created.path("id").asString();
            assertThat(created.path("alertEmail").asString()).isEqualTo(creator);

            assertThat(admin.put("/api/notifications/webhooks/" + subscription, Map.of("url", receiver.url(),
                    "eventTypes", List.of("assessment.scored"), "alertEmail", "not an address")).problem(400)
                    .toString()).contains("alertEmail");
            admin.put("/api/notifications/webhooks/" + subscription, Map.of("url", receiver.url(),
                    "eventTypes", List.of("assessment.scored"), "alertEmail", operations)).expect(200);
            JsonNode kept = admin.put("/api/notifications/webhooks/" + subscription, Map.of("url", receiver.url(),
                    "eventTypes", List.of("assessment.scored"), "description", "ATS sync")).expect(200);
            assertThat(kept.path("alertEmail").asString()).as("left out on update: kept").isEqualTo(operations);

            failingForSixDays(subscription);
            kafka.publish(envelope(scored(false, mailbox("rita")), tenant));

            ReceivedMail mail = TestInfrastructure.smtp().awaitMessage(m -> m.subject().startsWith("Webhook disabled")
                    && m.textBody() != null && m.textBody().contains(subscription), WAIT);
            assertThat(mail.isAddressedTo(operations)).as(mail.toString()).isTrue();
        }
    }

    /** The first failure was six days ago and nothing succeeded since. */
    private void failingForSixDays(String subscription) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(subscription)),
                new Update().set("failingSince", Instant.now().minus(Duration.ofDays(6))), WebhookSubscription.class);
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        String tenant = id("tenant");
        try (Receiver inside = Receiver.answering(200);
             Receiver redirecting = Receiver.redirectingTo(inside.url())) {
            String subscription = Webhooks.subscribe(recruiter(tenant), redirecting.url(), "assessment.scored")
                    .path("id").asString();
            kafka.publish(envelope(scored(false), tenant));

            await().atMost(WAIT).until(() -> deliveries(tenant, subscription).stream()
                    .anyMatch(d -> d.path("lastStatusCode").asInt() == 302));
            recruiter(tenant).delete("/api/notifications/webhooks/" + subscription);
            assertThat(inside.requests()).isEmpty();
        }
    }

    @Test
    void aNameThatResolvesToAPrivateAddressAtSendTimeIsRefusedThen() throws Exception {
        String tenant = id("tenant");
        String host = id("rebind") + ".hooks.test";
        try (Receiver receiver = Receiver.answering(200)) {
            TestHosts.resolve(host, "127.0.0.1");
            String url = receiver.url().replace("127.0.0.1", host);
            String subscription = Webhooks.subscribe(recruiter(tenant), url, "assessment.scored").path("id").asString();
            TestHosts.resolve(host, "10.0.0.7");
            kafka.publish(envelope(scored(false), tenant));

            await().atMost(WAIT).until(() -> deliveries(tenant, subscription).stream()
                    .anyMatch(d -> d.path("lastError").asString("").contains("SSRF")));
            JsonNode delivery = deliveries(tenant, subscription).get(0);
            assertThat(delivery.path("lastError").asString()).contains("10.0.0.7");
            recruiter(tenant).delete("/api/notifications/webhooks/" + subscription);
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @Test
    void duringARotationBothSecretsSignAndAPingAndARedeliverKeepTheWebhookId() throws Exception {
        String tenant = id("tenant");
        try (Receiver receiver = Receiver.answering(200)) {
            JsonNode created = Webhooks.subscribe(recruiter(tenant), receiver.url(), "assessment.scored");
            String subscription = created.path("id").asString();
            String oldSecret = created.path("secret").asString();
            JsonNode rotated = recruiter(tenant).post("/api/notifications/webhooks/" + subscription + "/rotate-secret",
                    Map.of()).expect(200);
            String newSecret = rotated.path("secret").asString();
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
            assertThat(Instant.parse(rotated.path("previousSecretExpiresAt").asString()))
                    .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

            JsonNode ping = recruiter(tenant).post("/api/notifications/webhooks/" + subscription + "/ping", Map.of())
                    .expect(202);
            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            Receiver.Request first = receiver.requests().get(0);
            assertThat(first.header("webhook-id")).isEqualTo(ping.path("id").asString());
            assertThat(first.header("webhook-signature").split(" ")).hasSize(2);
            for (String secret : List.of(oldSecret, newSecret)) {
                assertThat(Webhooks.verify(secret, first.header("webhook-id"), first.header("webhook-timestamp"),
                        first.body(), first.header("webhook-signature"))).isTrue();
            }
            assertThat(JSON.readTree(first.body()).path("type").asString()).isEqualTo("webhook.test");
            awaitDelivery(tenant, subscription, "SUCCEEDED");

            recruiter(tenant).post("/api/notifications/webhooks/" + subscription + "/deliveries/"
                    + ping.path("id").asString() + "/redeliver", Map.of()).expect(202);
            await().atMost(WAIT).until(() -> receiver.requests().size() == 2);
            assertThat(receiver.requests().get(1).header("webhook-id")).isEqualTo(first.header("webhook-id"));
            assertThat(receiver.requests().get(1).body()).isEqualTo(first.body());
        }
    }

    @Test
    void failedDeliveriesSinceATimeCanBeRedeliveredOnceTheReceiverIsBack() throws Exception {
        String tenant = id("tenant");
        try (Receiver receiver = Receiver.answering(500)) {
            String subscription = Webhooks.subscribe(recruiter(tenant), receiver.url(), "assessment.scored")
                    .path("id").asString();
            Instant since = Instant.now().minusSeconds(5);
            kafka.publish(envelope(scored(false), tenant));
            kafka.publish(envelope(scored(false), tenant));
            await().atMost(WAIT).until(() -> {
                List<JsonNode> all = deliveries(tenant, subscription);
                return all.size() == 2 && all.stream().allMatch(d -> d.path("status").asString().equals("FAILED"));
            });
            assertThat(deliveries(tenant, subscription)).allSatisfy(d ->
                    assertThat(d.path("attempts").asInt()).as("1 + the 4 retries of the test schedule").isEqualTo(5));

            receiver.answer(n -> 200);
            JsonNode queued = recruiter(tenant).post("/api/notifications/webhooks/" + subscription
                    + "/deliveries/redeliver-failed", Map.of("since", since.toString())).expect(202);
            assertThat(queued.path("queued").asInt()).isEqualTo(2);
            await().atMost(WAIT).until(() -> deliveries(tenant, subscription).stream()
                    .allMatch(d -> d.path("status").asString().equals("SUCCEEDED")));
        }
    }

    private JsonNode awaitDelivery(String tenant, String subscription, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            found[0] = deliveries(tenant, subscription).stream()
                    .filter(d -> d.path("status").asString().equals(status)).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private List<JsonNode> deliveries(String tenant, String subscription) {
        JsonNode items = recruiter(tenant).get("/api/notifications/webhooks/" + subscription + "/deliveries")
                .expect(200).get("items");
        return new ArrayList<>(items.values());
    }
}
