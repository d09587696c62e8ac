package io.hirepipe.gateway;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.gateway.audit.AuditEntry;
import io.hirepipe.gateway.identity.BootstrapProperties;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.testkit.EventTopics;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit log at the gateway: its own entries (sign-ins, keys), the services' entries from
 * hirepipe.audit.v1 on a real broker, and an API that reads and exports but never changes them.
 */
class AuditLogTest extends GatewayTestSupport {

    private static final String AUDIT_GROUP = "gateway-audit";

    @Autowired
    ReactiveMongoTemplate mongo;

    private JsonNode audit(String token, String query) {
        HttpResponse<String> response = get("/api/v1/audit" + query, "Authorization", bearer(token));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<JsonNode> items(JsonNode page) {
        return page.get("items").valueStream().toList();
    }

    private RecordMetadata publish(EventEnvelope<AuditRecorded> envelope) {
        RecordMetadata sent = EventTopics.shared().publish(envelope);
        EventTopics.shared().awaitConsumed(AUDIT_GROUP, sent);
        return sent;
    }

    private static EventEnvelope<AuditRecorded> serviceEvent(String tenant, String action, String targetId) {
        AuditRecorded event = new AuditRecorded(action, "usr-reviewer", "RECRUITER", "reviewer@acme.test", "session",
                targetId, AuditRecorded.SUCCESS, Map.of("questionId", "q-1", "reason", "second look"),
                Instant.now(), tenant);
        return EventEnvelope.of(event, tenant, "corr-" + UUID.randomUUID());
    }

    @Test
    void signInsAreRecordedWithTheirOutcomeAndNeverThePassword() {
        String wrongPassword = "not-the-password-" + UUID.randomUUID();
        HttpResponse<String> failed = postJson("/api/v1/auth/login",
                "{\"email\":\"" + ACME_RECRUITER + "\",\"password\":\"" + wrongPassword + "\"}");
        assertThat(failed.statusCode()).isEqualTo(401);
        String unknownEmail = "nobody-" + UUID.randomUUID() + "@acme.test";
        postJson("/api/v1/auth/login", "{\"email\":\"" + unknownEmail + "\",\"password\":\"whatever-it-is\"}");
        String token = acmeRecruiterToken();

        // The refusal's entry is written after its answer went out.
        List<JsonNode> logins = await().atMost(Duration.ofSeconds(20)).until(
                () -> items(audit(token, "?action=auth.login&limit=200")),
                found -> found.stream().anyMatch(entry -> entry.get("outcome").asString().equals("FAILURE")
                        && entry.get("details").get("channel").asString().equals("API")));
        assertThat(logins).anySatisfy(entry -> {
            assertThat(entry.get("outcome").asString()).isEqualTo("FAILURE");
            assertThat(entry.get("actorEmail").asString()).isEqualToIgnoringCase(ACME_RECRUITER);
            assertThat(entry.get("details").get("channel").asString()).isEqualTo("API");
        });
        assertThat(logins).anySatisfy(entry -> assertThat(entry.get("outcome").asString()).isEqualTo("SUCCESS"));
        assertThat(logins.get(0).get("correlationId").asString()).isNotBlank();

        List<AuditEntry> everything = mongo.findAll(AuditEntry.class, AuditEntry.COLLECTION).collectList().block();
        assertThat(everything.toString()).doesNotContain(wrongPassword).doesNotContain(ACME_PASSWORD)
                .doesNotContain(unknownEmail);
    }

    @Test
    void aRefusedSignInIsAnsweredWithoutWaitingForTheAuditStoreAndIsStillRecorded() {
        // An account of its own, so no other test's failures have it backing off already.
        String tenant = "t-slow-audit-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "rita@" + tenant + ".test";
        bootstrap.bootstrap(new BootstrapProperties(tenant, "Slow audit", email, "a long enough passphrase"))
                .block(Duration.ofSeconds(30));
        Duration storeDelay = Duration.ofSeconds(5);
        SlowAuditStore.delay = storeDelay;
        try {
            long started = System.nanoTime();
            HttpResponse<String> refused = postJson("/api/v1/auth/login",
                    "{\"email\":\"" + email + "\",\"password\":\"not the passphrase at all\"}",
                    "Accept", "application/json", "X-Correlation-Id", "slow-audit-" + tenant);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertProblem(refused, 401);
            // An unknown email is refused without any write; an existing one must not take the write's time longer.
            assertThat(took).as("the refusal waited for the audit store").isLessThan(storeDelay.dividedBy(2));
            String correlationId = refused.headers().firstValue("X-Correlation-Id").orElseThrow();
            AuditEntry entry = await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findOne(
                    Query.query(Criteria.where("correlationId").is(correlationId)), AuditEntry.class).block(),
                    found -> found != null);
            assertThat(entry.tenantId()).isEqualTo(tenant);
            assertThat(entry.action()).isEqualTo("auth.login");
            assertThat(entry.outcome()).isEqualTo(AuditRecorded.FAILURE);
            assertThat(entry.actorEmail()).isEqualTo(email);
        } finally {
            SlowAuditStore.delay = Duration.ZERO;
        }
    }

    @Test
    void browserSignInAndSignOutAreRecorded() {
        HttpResponse<String> signIn = postJson("/api/v1/auth/session",
                "{\"email\":\"" + ACME_RECRUITER + "\",\"password\":\"" + ACME_PASSWORD + "\"}");
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String csrf = json(signIn).get("csrfToken").asString();
        HttpResponse<String> signOut = send(request("/api/v1/auth/session").header("Cookie", cookie)
                .header("X-CSRF-Token", csrf).DELETE());
        assertThat(signOut.statusCode()).as(signOut.body()).isEqualTo(204);

        String token = acmeRecruiterToken();
        assertThat(items(audit(token, "?action=auth.login&limit=200")))
                .anySatisfy(e -> assertThat(e.get("details").get("channel").asString()).isEqualTo("BROWSER_SESSION"));
        assertThat(items(audit(token, "?action=auth.session.signed-out"))).isNotEmpty();
    }

    @Test
    void keyCreationAndRevocationAreRecordedWithoutTheKey() {
        String token = acmeRecruiterToken();
        JsonNode created = ApiKeyTest.createKey(this, token, "Audited ATS", "results:read");
        String id = created.get("id").asString();
        assertThat(delete("/api/v1/api-keys/" + id, "Authorization", bearer(token)).statusCode()).isEqualTo(204);

        List<JsonNode> entries = items(audit(token, "?targetId=" + id));
        assertThat(entries).extracting(e -> e.get("action").asString())
                .containsExactly("api-key.revoked", "api-key.created");
        assertThat(entries.get(1).get("details").get("scopes").asString()).isEqualTo("results:read");
        assertThat(entries.toString()).doesNotContain(created.get("key").asString());
    }

    @Test
    void aServiceEventIsStoredOnceHoweverOftenItArrives() {
        String session = "ses-" + UUID.randomUUID();
        EventEnvelope<AuditRecorded> event = serviceEvent(ACME, "score.adjusted", session);
        publish(event);
        publish(event);

        List<JsonNode> entries = items(audit(acmeRecruiterToken(), "?targetId=" + session));
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("id").asString()).isEqualTo(event.eventId());
        assertThat(entry.get("action").asString()).isEqualTo("score.adjusted");
        assertThat(entry.get("actorId").asString()).isEqualTo("usr-reviewer");
        assertThat(entry.get("actorEmail").asString()).isEqualTo("reviewer@acme.test");
        assertThat(entry.get("targetType").asString()).isEqualTo("session");
        assertThat(entry.get("correlationId").asString()).isEqualTo(event.correlationId());
        assertThat(entry.get("details").get("reason").asString()).isEqualTo("second look");

        HttpResponse<String> one = get("/api/v1/audit/" + event.eventId(), "Authorization", bearer(acmeRecruiterToken()));
        assertThat(one.statusCode()).isEqualTo(200);
    }

    @Test
    void anEventThatCannotBeFiledGoesToTheDeadLetterTopic() {
        String session = "ses-" + UUID.randomUUID();
        AuditRecorded noAction = new AuditRecorded(null, "usr-1", "RECRUITER", null, "session", session,
                AuditRecorded.SUCCESS, Map.of(), Instant.now(), ACME);
        EventEnvelope<AuditRecorded> poison = EventEnvelope.of(noAction, ACME, "corr-poison");
        publish(poison);

        List<EventRecord> dead = EventTopics.shared().awaitRecords(Topics.deadLetterOf(Topics.AUDIT),
                r -> r.envelope() != null && poison.eventId().equals(r.envelope().eventId()));
        assertThat(dead).hasSize(1);
        assertThat(mongo.count(Query.query(Criteria.where("targetId").is(session)), AuditEntry.class).block()).isZero();
    }

    @Test
    void anotherTenantsEntriesAreInvisible() {
        String session = "ses-" + UUID.randomUUID();
        EventEnvelope<AuditRecorded> event = serviceEvent(ACME, "score.finalized", session);
        publish(event);

        String globex = globexRecruiterToken();
        assertThat(items(audit(globex, "?targetId=" + session))).isEmpty();
        HttpResponse<String> foreign = get("/api/v1/audit/" + event.eventId(), "Authorization", bearer(globex));
        assertProblem(foreign, 404);
        assertThat(items(audit(acmeRecruiterToken(), "?targetId=" + session))).hasSize(1);
    }

    @Test
    void pagesFollowTheCursorNewestFirstWithoutGapsOrRepeats() {
        String session = "ses-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            publish(serviceEvent(ACME, "score.adjusted", session));
        }
        String token = acmeRecruiterToken();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = audit(token, "?targetId=" + session + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            items(page).forEach(e -> seen.add(e.get("id").asString()));
            cursor = page.get("hasMore").asBoolean() ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void theExportIsCsvWithFormulasDefused() {
        String target = "=HYPERLINK(\"https://evil.example\",\"x\")-" + UUID.randomUUID();
        publish(serviceEvent(ACME, "invitation.revoked", target));

        String token = acmeRecruiterToken();
        HttpResponse<String> csv = get("/api/v1/audit/export.csv?action=invitation.revoked", "Authorization",
                bearer(token));
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("id,occurredAt,action,outcome,actorId,actorKind,actorEmail,targetType,targetId");
        assertThat(csv.body()).contains("\"'=HYPERLINK(").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
        // the export itself is an audited action
        assertThat(items(audit(token, "?action=audit.exported"))).isNotEmpty();
    }

    @Test
    void noEntryCanBeChangedOrRemovedThroughTheApi() {
        String session = "ses-" + UUID.randomUUID();
        EventEnvelope<AuditRecorded> event = serviceEvent(ACME, "score.adjusted", session);
        publish(event);
        String auth = bearer(acmeRecruiterToken());

        for (String path : List.of("/api/v1/audit", "/api/v1/audit/" + event.eventId())) {
            for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
                HttpResponse<String> response = send(request(path).header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{\"action\":\"nothing.happened\"}")));
                assertProblem(response, 405);
            }
        }
        JsonNode entry = items(audit(acmeRecruiterToken(), "?targetId=" + session)).get(0);
        assertThat(entry.get("action").asString()).isEqualTo("score.adjusted");
    }

    @Test
    void onlyStaffMayReadTheLog() {
        JsonNode key = ApiKeyTest.createKey(this, acmeRecruiterToken(), "Everything", "results:read", "invitations:read");
        assertProblem(get("/api/v1/audit", "X-Api-Key", key.get("key").asString()), 403);
        assertProblem(get("/api/v1/audit/export.csv", "X-Api-Key", key.get("key").asString()), 403);
        assertProblem(get("/api/v1/audit"), 401);
    }

    @Test
    void badQueryParametersAreNamed() {
        String auth = bearer(acmeRecruiterToken());
        Map<String, String> cases = Map.of(
                "?from=yesterday", "from",
                "?to=2026-13-01", "to",
                "?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "from",
                "?limit=0", "limit",
                "?limit=many", "limit",
                "?limit=201", "limit",
                "?cursor=not-a-cursor", "cursor",
                "?actor=" + "a".repeat(300), "actor",
                // an instant Java reads but MongoDB cannot store (a year past 292 million): the date, not a 500
                "?from=%2B300000000-01-01T00:00:00Z", "from",
                "?cursor=" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        "+300000000-01-01T00:00:00Z|aud_1".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "cursor");
        cases.forEach((query, parameter) -> {
            JsonNode problem = assertProblem(get("/api/v1/audit" + query, "Authorization", auth), 400);
            assertThat(problem.get("parameter").asString()).as(query).isEqualTo(parameter);
        });
        JsonNode problem = assertProblem(get("/api/v1/audit/export.csv?from=soon", "Authorization", auth), 400);
        assertThat(problem.get("parameter").asString()).isEqualTo("from");
    }
}
