package io.hirepipe.notification.webhook;

import io.hirepipe.testkit.OpenApiAssertions;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.notification.NotificationServiceTest;
import io.hirepipe.notification.TestHosts;
import io.hirepipe.testkit.AtOnce;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.hirepipe.notification.TestEvents.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The subscription API as recruiters and platform clients use it, and what it refuses. */
class WebhookApiTest extends NotificationServiceTest {

    private static final String HOOKS = "/api/notifications/webhooks";

    @Autowired
    MongoTemplate mongo;

    private final String acme = id("tenant-acme");

    private HttpApi recruiter(String tenant) {
        return api(Caller.user(tenant, "user-1", "rita@acme.example", Role.ADMIN));
    }

    @Test
    void aSubscriptionIsCreatedWithItsSecretShownOnceThenReadListedUpdatedAndDeleted() {
        HttpApi acmeApi = recruiter(acme);
        HttpApi.Response created = acmeApi.post(HOOKS, Map.of("url", "http://127.0.0.1:9/hooks",
                "eventTypes", List.of("assessment.scored", "assessment.finalized"), "description", "Greenhouse sync"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode subscription = created.json();
        String id = subscription.path("id").asString();
        assertThat(id).startsWith("whk_");
        assertThat(created.location()).hasValue(HOOKS + "/" + id);
        assertThat(subscription.path("secret").asString()).startsWith("whsec_");
        assertThat(subscription.path("enabled").asBoolean()).isTrue();
        assertThat(subscription.path("eventTypes").values()).extracting(JsonNode::asString)
                .containsExactly("assessment.scored", "assessment.finalized");

        JsonNode read = acmeApi.get(HOOKS + "/" + id).expect(200);
        assertThat(read.has("secret")).as("shown once").isFalse();
        assertThat(read.path("description").asString()).isEqualTo("Greenhouse sync");
        assertThat(api(Caller.platform(acme, "key-1")).get(HOOKS).expect(200).get("items").values())
                .extracting(s -> s.path("id").asString()).containsExactly(id);

        JsonNode updated = acmeApi.put(HOOKS + "/" + id, Map.of("url", "http://127.0.0.1:10/other",
                "eventTypes", List.of("invitation.expired"), "enabled", false)).expect(200);
        assertThat(updated.path("url").asString()).isEqualTo("http://127.0.0.1:10/other");
        assertThat(updated.path("enabled").asBoolean()).isFalse();
        assertThat(updated.path("description").isNull()).isTrue();
        assertThat(updated.has("secret")).isFalse();
        assertThat(acmeApi.put(HOOKS + "/" + id, Map.of("url", "http://127.0.0.1:10/other",
                "eventTypes", List.of("invitation.expired"), "enabled", true)).expect(200).path("enabled").asBoolean())
                .isTrue();

        assertThat(acmeApi.delete(HOOKS + "/" + id).status()).isEqualTo(204);
        acmeApi.get(HOOKS + "/" + id).problem(404);
    }

    @Test
    void anApiKeySubscribesOnlyToEventsWhoseDataItsScopesMayRead() {
        String tenant = id("tenant-scopes");
        HttpApi manageOnly = api(Caller.platform(tenant, "key-manage"), List.of("webhooks:manage"));
        JsonNode refused = manageOnly.post(HOOKS, Map.of("url", "http://127.0.0.1:9/hooks",
                "eventTypes", List.of("invitation.expired", "assessment.scored"))).problem(403, "insufficient-scope");
        assertThat(refused.path("requiredScope").asString()).isEqualTo("invitations:read");
        assertThat(refused.path("detail").asString()).contains("'invitations:read'", "'invitation.expired'");
        assertThat(recruiter(tenant).get(HOOKS).expect(200).get("items").values()).as("nothing stored").isEmpty();

        HttpApi resultsReader = api(Caller.platform(tenant, "key-results"), List.of("webhooks:manage", "results:read"));
        String id = resultsReader.post(HOOKS, Map.of("url", "http://127.0.0.1:9/hooks",
                "eventTypes", List.of("assessment.scored", "score.adjusted", "assessment.finalized")))
                .expect(201).path("id").asString();
        JsonNode widened = resultsReader.put(HOOKS + "/" + id, Map.of("url", "http://127.0.0.1:9/hooks",
                "eventTypes", List.of("assessment.scored", "invitation.created"))).problem(403, "insufficient-scope");
        assertThat(widened.path("requiredScope").asString()).isEqualTo("invitations:read");
        assertThat(resultsReader.get(HOOKS + "/" + id).expect(200).path("eventTypes").values())
                .as("unchanged").extracting(JsonNode::asString)
                .containsExactly("assessment.scored", "score.adjusted", "assessment.finalized");

        HttpApi both = api(Caller.platform(tenant, "key-both"),
                List.of("webhooks:manage", "results:read", "invitations:read"));
        both.put(HOOKS + "/" + id, Map.of("url", "http://127.0.0.1:9/hooks",
                "eventTypes", List.of("assessment.scored", "invitation.created"))).expect(200);
        assertThat(manageOnly.delete(HOOKS + "/" + id).status()).as("deleting needs only webhooks:manage").isEqualTo(204);
    }

    @Test
    void anEventTypeWrittenWithBlanksAroundItNeedsItsReadScopeToo() {
        // The subscription stores the type without the blanks, so its deliveries would carry scores all the same.
        String tenant = id("tenant-padded");
        HttpApi manageOnly = api(Caller.platform(tenant, "key-manage"), List.of("webhooks:manage"));
        JsonNode refused = manageOnly.post(HOOKS, Map.of("url", "http://127.0.0.1:9/hooks",
                "eventTypes", List.of(" assessment.scored "))).problem(403, "insufficient-scope");
        assertThat(refused.path("requiredScope").asString()).isEqualTo("results:read");
        assertThat(recruiter(tenant).get(HOOKS).expect(200).get("items").values()).as("nothing stored").isEmpty();

        HttpApi invitationsReader = api(Caller.platform(tenant, "key-invitations"),
                List.of("webhooks:manage", "invitations:read"));
        String id = invitationsReader.post(HOOKS, Map.of("url", "http://127.0.0.1:9/hooks",
                "eventTypes", List.of("invitation.created"))).expect(201).path("id").asString();
        invitationsReader.put(HOOKS + "/" + id, Map.of("url", "http://127.0.0.1:9/hooks",
                "eventTypes", List.of("invitation.created", "\tscore.adjusted"))).problem(403, "insufficient-scope");
        assertThat(invitationsReader.get(HOOKS + "/" + id).expect(200).path("eventTypes").values())
                .as("unchanged").extracting(JsonNode::asString).containsExactly("invitation.created");
    }

    @Test
    void subscriptionChangesAndReplaysAreAuditedWithoutTheSecretOrTheUrlsPath() {
        HttpApi acmeApi = recruiter(acme);
        JsonNode created = acmeApi.post(HOOKS, Map.of("url", "http://127.0.0.1:9/hooks?token=receiver-secret",
                "eventTypes", List.of("assessment.scored"))).expect(201);
        String id = created.path("id").asString();
        String rotatedSecret = acmeApi.post(HOOKS + "/" + id + "/rotate-secret", "").expect(200).path("secret").asString();
        acmeApi.post(HOOKS + "/" + id + "/deliveries/redeliver-failed", Map.of("since", "2026-01-01T00:00:00Z"))
                .expect(202);
        acmeApi.put(HOOKS + "/" + id, Map.of("url", "http://127.0.0.1:10/other?token=new-receiver-secret",
                "eventTypes", List.of("assessment.scored", "invitation.expired"), "enabled", false)).expect(200);
        assertThat(acmeApi.delete(HOOKS + "/" + id).status()).isEqualTo(204);

        // each entry is a document of its own for the relay, so they may arrive in any order
        await().atMost(Duration.ofSeconds(30)).until(() -> auditOf(id).size() >= 5);
        List<AuditRecorded> entries = auditOf(id);
        assertThat(entries).extracting(AuditRecorded::action).containsExactlyInAnyOrder("webhook.created",
                "webhook.updated", "webhook.secret-rotated", "webhook.replayed", "webhook.deleted");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.tenantId()).isEqualTo(acme);
            assertThat(e.actorEmail()).isEqualTo("rita@acme.example");
        });
        assertThat(entry(entries, "webhook.created").details()).containsEntry("host", "127.0.0.1")
                .containsEntry("eventTypes", "assessment.scored");
        // disabling a subscription stops deliveries: who did it, and to what, must be on record
        assertThat(entry(entries, "webhook.updated").details()).containsEntry("host", "127.0.0.1")
                .containsEntry("eventTypes", "assessment.scored invitation.expired").containsEntry("enabled", "false");
        assertThat(entries.toString()).doesNotContain("receiver-secret").doesNotContain(rotatedSecret)
                .doesNotContain(created.path("secret").asString());
        assertThat(entry(entries, "webhook.replayed").details()).containsEntry("failedSince", "2026-01-01T00:00:00Z");
    }

    private static List<AuditRecorded> auditOf(String subscriptionId) {
        return EventTopics.shared().readToEnd(Topics.AUDIT, r -> r.payload() instanceof AuditRecorded a
                && subscriptionId.equals(a.targetId())).stream().map(r -> (AuditRecorded) r.payload()).toList();
    }

    private static AuditRecorded entry(List<AuditRecorded> entries, String action) {
        return entries.stream().filter(e -> e.action().equals(action)).findFirst().orElseThrow();
    }

    /** Subscriptions created at once never take a tenant past its limit (20): those beyond it are refused. */
    @Test
    void subscriptionsCreatedAtOnceStayWithinTheTenantsLimit() throws Exception {
        String tenant = id("tenant-many");
        for (int i = 0; i < 17; i++) {
            Webhooks.subscribe(recruiter(tenant), "http://127.0.0.1:9/hooks/" + i, "assessment.scored");
        }

        List<HttpApi.Response> created = AtOnce.run(6, i -> () -> recruiter(tenant).post(HOOKS,
                Map.of("url", "http://127.0.0.1:9/racing/" + i, "eventTypes", List.of("assessment.scored"))));

        created.stream().filter(response -> response.status() != 201)
                .forEach(response -> response.problem(409, "too-many-webhooks"));
        long stayed = created.stream().filter(response -> response.status() == 201).count();
        assertThat(stayed).as("the three places left are taken, no more").isEqualTo(3);
        assertThat(recruiter(tenant).get(HOOKS).expect(200).get("items")).hasSize(20);
    }

    @Test
    void theSecretIsStoredEncrypted() {
        JsonNode created = Webhooks.subscribe(recruiter(acme), "http://127.0.0.1:9/hooks", "assessment.scored");
        String secret = created.path("secret").asString();

        Document stored = mongo.getCollection(WebhookSubscription.COLLECTION)
                .find(new Document("_id", created.path("id").asString())).first();

        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()))
                .contains("\"encrypted\": \"v1:");
    }

    @Test
    void anotherTenantsSubscriptionIsNotFoundWhateverTheVerb() {
        String id = Webhooks.subscribe(recruiter(acme), "http://127.0.0.1:9/hooks", "assessment.scored")
                .path("id").asString();
        HttpApi globex = recruiter(id("tenant-globex"));
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of("assessment.scored"));

        globex.get(HOOKS + "/" + id).problem(404);
        globex.put(HOOKS + "/" + id, body).problem(404);
        globex.post(HOOKS + "/" + id + "/ping", Map.of()).problem(404);
        globex.post(HOOKS + "/" + id + "/rotate-secret", Map.of()).problem(404);
        globex.get(HOOKS + "/" + id + "/deliveries").problem(404);
        globex.delete(HOOKS + "/" + id).problem(404);
        assertThat(globex.get(HOOKS).expect(200).get("items")).isEmpty();
        assertThat(recruiter(acme).get(HOOKS + "/" + id).status()).as("still there").isEqualTo(200);
    }

    @Test
    void candidatesAndAnonymousCallersMayNotTouchWebhooks() {
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of("assessment.scored"));
        api(Caller.candidate(acme, "inv-1")).post(HOOKS, body).problem(403);
        api(Caller.candidate(acme, "inv-1")).get(HOOKS).problem(403);
        api(Caller.service(acme, "scoring-service")).get(HOOKS).problem(403);
        assertThat(api(null).get(HOOKS).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://169.254.169.254/latest/meta-data/",
            "https://169.254.169.254/latest/meta-data/",
            "https://[fd00:ec2::254]/latest",
            "https://10.0.0.1/hooks",
            "https://192.168.1.20/hooks",
            "https://[fe80::1]/hooks",
            "https://intranet.partner.test/hooks",
            "ftp://127.0.0.1/hooks",
            "https://user:pw@127.0.0.1/hooks",
            "http://127.0.0.1:99999/hooks",
            "not a url"})
    void unsafeUrlsAreRefusedAtSubscribeTimeNamingTheField(String url) {
        TestHosts.resolve("intranet.partner.test", "172.16.9.9");
        JsonNode problem = recruiter(acme).post(HOOKS, Map.of("url", url, "eventTypes", List.of("assessment.scored")))
                .problem(400);
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("url");
        assertThat(problem.path("detail").asString()).startsWith("url: The webhook URL");
    }

    @Test
    void badBodiesAreA400ProblemNamingTheField() {
        HttpApi acmeApi = recruiter(acme);
        assertField(acmeApi.post(HOOKS, Map.of("eventTypes", List.of("assessment.scored"))), "url");
        assertField(acmeApi.post(HOOKS, Map.of("url", "http://127.0.0.1:9/x", "eventTypes", List.of())), "eventTypes");
        assertField(acmeApi.post(HOOKS, Map.of("url", "http://127.0.0.1:9/x")), "eventTypes");
        HttpApi.Response tooMany = acmeApi.post(HOOKS, Map.of("url", "http://127.0.0.1:9/x",
                "eventTypes", Collections.nCopies(21, "assessment.scored")));
        assertField(tooMany, "eventTypes");
        assertThat(tooMany.json().get("detail").asString()).as("not 'between 0 and 20': an empty list is refused above")
                .isEqualTo("eventTypes: must have at most 20 entries");
        assertField(acmeApi.post(HOOKS, Map.of("url", "http://127.0.0.1:9/x",
                "eventTypes", List.of("assessment.scored", "assessment.exploded"))), "eventTypes[1]");
        assertField(acmeApi.post(HOOKS, Map.of("url", "http://127.0.0.1:9/x",
                "eventTypes", List.of("assessment.scored"), "description", "x".repeat(501))), "description");
        assertField(acmeApi.post(HOOKS, Map.of("url", "http://127.0.0.1:9/" + "x".repeat(2000),
                "eventTypes", List.of("assessment.scored"))), "url");

        assertThat(acmeApi.post(HOOKS, "{\"url\": 42, \"eventTypes\": \"assessment.scored\"}").status()).isEqualTo(400);
        assertThat(acmeApi.post(HOOKS, "{not json").isProblem()).isTrue();
        assertThat(acmeApi.post(HOOKS, "[]").status()).isEqualTo(400);
        assertThat(recruiter(acme).get(HOOKS).expect(200).get("items")).as("nothing half-created").isEmpty();
    }

    @Test
    void badDeliveryLogQueriesAndRedeliveriesAreA4xxProblem() {
        HttpApi acmeApi = recruiter(acme);
        String id = Webhooks.subscribe(acmeApi, "http://127.0.0.1:9/hooks", "assessment.scored").path("id").asString();

        for (String query : List.of("limit=0", "limit=201", "limit=ten", "status=EXPLODED")) {
            HttpApi.Response response = acmeApi.get(HOOKS + "/" + id + "/deliveries?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
        }
        JsonNode status = acmeApi.get(HOOKS + "/" + id + "/deliveries?status=BOGUS").problem(400, "invalid-parameter");
        assertThat(status.get("parameter").asString()).isEqualTo("status");
        assertThat(status.get("detail").asString())
                .isEqualTo("Parameter 'status' must be one of [PENDING, SUCCEEDED, FAILED].");
        acmeApi.get(HOOKS + "/" + id + "/deliveries/msg_nope").problem(404);
        acmeApi.post(HOOKS + "/" + id + "/deliveries/msg_nope/redeliver", Map.of()).problem(404);
        assertField(acmeApi.post(HOOKS + "/" + id + "/deliveries/redeliver-failed", Map.of()), "since");
        assertThat(acmeApi.post(HOOKS + "/" + id + "/deliveries/redeliver-failed", Map.of("since", "yesterday"))
                .status()).isEqualTo(400);
        acmeApi.get(HOOKS + "/whk_nope/deliveries").problem(404);
    }

    /**
     * After an outage a receiver has more failed deliveries than one page holds: the log pages through all of them
     * by cursor, newest first, none skipped or repeated (several share a millisecond), and a forged cursor is a 400.
     */
    @Test
    void theDeliveryLogPagesByCursorThroughEveryDelivery() {
        HttpApi acmeApi = recruiter(acme);
        String id = Webhooks.subscribe(acmeApi, "http://127.0.0.1:9/hooks", "assessment.scored").path("id").asString();
        Instant base = Instant.parse("2026-03-01T09:00:00Z");
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // two by two in the same millisecond
            Instant at = base.plusMillis(i / 2);
            String deliveryId = "msg_page" + i;
            mongo.insert(new WebhookDelivery(deliveryId, acme, id, "evt-page-" + i, "assessment.scored", "{}",
                    WebhookDelivery.Status.FAILED, 11, at, at, Instant.EPOCH, null, at, 503, 12L, "HTTP 503", null,
                    null, null));
        }
        for (int i = 6; i >= 0; i--) {
            newestFirst.add("msg_page" + i);   // newest first, and within a millisecond the greater id first
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = acmeApi.get(HOOKS + "/" + id + "/deliveries?status=FAILED&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor)).expect(200);
            page.get("items").values().forEach(d -> seen.add(d.get("id").asString()));
            assertThat(page.get("hasMore").asBoolean()).isEqualTo(!page.get("nextCursor").isNull());
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        acmeApi.get(HOOKS + "/" + id + "/deliveries?cursor=not-a-cursor").problem(400, "invalid-cursor");
    }

    private static void assertField(HttpApi.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().path("errors").values()).extracting(e -> e.path("field").asString()).contains(field);
    }

    @Test
    void theApiDescriptionSaysACreatedSubscriptionIs201() {
        JsonNode responses = api((Caller) null).get("/v3/api-docs").expect(200).path("paths")
                .path(HOOKS).path("post").path("responses");

        assertThat(responses.has("201")).as(responses.toString()).isTrue();
        assertThat(responses.has("200")).as(responses.toString()).isFalse();
    }

    /**
     * An integrator reads the event types from the description (or tries its example in Swagger UI): the
     * subscription's {@code eventTypes} list exactly the types a subscription takes, and every example names one.
     */
    @Test
    void theApiDescriptionListsTheEventTypesASubscriptionTakes() {
        JsonNode schemas = api((Caller) null).get("/v3/api-docs").expect(200).path("components").path("schemas");
        for (String schema : List.of("SubscriptionRequest", "SubscriptionView")) {
            JsonNode items = schemas.path(schema).path("properties").path("eventTypes").path("items");
            assertThat(items.path("enum").values()).as(schema).extracting(JsonNode::asString)
                    .containsExactlyElementsOf(WebhookEventType.wireNames());
            assertThat(WebhookEventType.requested(items.path("example").asString())).as(schema + " example")
                    .isPresent();
        }
        String deliveryType = schemas.path("DeliveryView").path("properties").path("type").path("example").asString();
        assertThat(WebhookEventType.requested(deliveryType).isPresent() || deliveryType.equals(WebhookEventType.TEST))
                .as("DeliveryView type example " + deliveryType).isTrue();

        HttpApi acmeApi = recruiter(acme);
        String example = schemas.path("SubscriptionRequest").path("properties").path("eventTypes").path("items")
                .path("example").asString();
        assertThat(acmeApi.post(HOOKS, Map.of("url", "http://127.0.0.1:9/hooks", "eventTypes", List.of(example)))
                .status()).as("the example subscribes").isEqualTo(201);
    }

    @Test
    void everyOperationHasASummaryExamplesAndProblemExamples() {
        OpenApiAssertions.assertEveryOperationIsDescribed(api((Caller) null).get("/v3/api-docs").expect(200));
    }
}
