package io.hirepipe.assessment.idempotency;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.testkit.HttpApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** A client retrying a creating POST with its Idempotency-Key gets the first answer, not a second thing. */
class IdempotencyKeyTest extends AssessmentIntegrationTest {

    private static Map<String, Object> ada() {
        return Map.of("testId", "java-basics", "candidate", Map.of("name", "Ada", "email", "ada@example.org"),
                "expiresInHours", 1);
    }

    private HttpApi withKey(String key) {
        return api(recruiterToken()).withHeader("Idempotency-Key", key);
    }

    private long invitations() {
        return mongo.getCollection("invitations").countDocuments(eq("tenantId", tenant));
    }

    @Test
    void theSameKeyAndBodyReplaysTheFirstResponseAndCreatesNothingMore() {
        String key = UUID.randomUUID().toString();
        HttpApi.Response first = withKey(key).post("/api/invitations", ada());
        assertThat(first.status()).isEqualTo(201);
        HttpApi.Response retry = withKey(key).post("/api/invitations", ada());

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.json().get("accessUrl").asString()).as("the candidate link is replayed too")
                .isEqualTo(first.json().get("accessUrl").asString());
        assertThat(retry.location()).isEqualTo(first.location());
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(invitations()).isEqualTo(1);
        String id = first.json().get("id").asString();
        assertThat(eventsOnceSent(id, "InvitationCreated", id)).hasSize(1);

        // the kept response is encrypted: the link's token is nowhere in the stored record
        String token = tokenOf(first.json());
        Document stored = mongo.getCollection("idempotency_keys").find(eq("tenantId", tenant)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(token).doesNotContain("accessUrl").doesNotContain(key);

        // another tenant's identical key is another key
        HttpApi.Response otherTenant = api(recruiterToken("tenant-b-" + tenant)).withHeader("Idempotency-Key", key)
                .post("/api/invitations", ada());
        assertThat(otherTenant.header("Idempotent-Replayed")).isEmpty();
    }

    /**
     * The kept response holds the candidate's link, which nobody sees again after the invitation is created: another
     * person or API key of the tenant sending the same key and body must not have it replayed to them.
     */
    @Test
    void anotherCallerOfTheTenantWithTheSameKeyAndBodyGetsNoReplayAndNoLink() {
        String key = UUID.randomUUID().toString();
        HttpApi.Response first = withKey(key).post("/api/invitations", ada());
        assertThat(first.status()).isEqualTo(201);
        String link = first.json().get("accessUrl").asString();

        for (String other : List.of(platformToken(), userToken(io.hirepipe.defaults.security.Role.ADMIN))) {
            HttpApi.Response replayAttempt = api(other).withHeader("Idempotency-Key", key).post("/api/invitations", ada());
            assertThat(replayAttempt.header("Idempotent-Replayed")).isEmpty();
            // run as its own request: the candidate is invited already (409), or, the API key naming no recruiter, 400
            assertThat(replayAttempt.status()).isIn(400, 409);
            assertThat(replayAttempt.body()).doesNotContain(link).doesNotContain(tokenOf(first.json()));
        }
        assertThat(withKey(key).post("/api/invitations", ada()).header("Idempotent-Replayed")).hasValue("true");
        assertThat(invitations()).isEqualTo(1);
    }

    @Test
    void aUsedKeyWithAnotherBodyIsUnprocessableAndABadKeyIsABadRequest() {
        String key = UUID.randomUUID().toString();
        withKey(key).post("/api/invitations", ada()).expect(201);

        JsonNode reused = withKey(key).post("/api/invitations", Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Bob", "email", "bob@example.org"))).problem(422, "idempotency-key-reused");
        assertThat(reused.get("header").asString()).isEqualTo("Idempotency-Key");
        withKey(key).post("/api/invitations/bulk", Map.of("invitations", List.of(ada())))
                .problem(422, "idempotency-key-reused");

        withKey("").post("/api/invitations", ada()).problem(400, "invalid-idempotency-key");
        withKey("x".repeat(256)).post("/api/invitations", ada()).problem(400, "invalid-idempotency-key");
        withKey("has space").post("/api/invitations", ada()).problem(400, "invalid-idempotency-key");
        assertThat(invitations()).isEqualTo(1);
    }

    @Test
    void aFailedRequestKeepsNothingSoTheKeyCanBeRetried() {
        String key = UUID.randomUUID().toString();
        withKey(key).post("/api/invitations", Map.of("testId", "no-such-test",
                "candidate", Map.of("name", "Ada", "email", "ada@example.org"))).problem(422, "unknown-test");
        withKey(key).post("/api/invitations", ada()).expect(201);
        assertThat(invitations()).isEqualTo(1);
    }

    @Test
    void keysAreForgottenAfterTwentyFourHours() {
        String key = UUID.randomUUID().toString();
        String first = withKey(key).post("/api/invitations", ada()).expect(201).get("id").asString();
        clock.advance(Duration.ofHours(23));
        assertThat(withKey(key).post("/api/invitations", ada()).expect(201).get("id").asString()).isEqualTo(first);

        clock.advance(Duration.ofHours(2));
        HttpApi.Response later = withKey(key).post("/api/invitations", ada());
        assertThat(later.status()).as("a new request: the first invitation expired meanwhile").isEqualTo(201);
        assertThat(later.json().get("id").asString()).isNotEqualTo(first);
        assertThat(later.header("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneInvitation() {
        String key = UUID.randomUUID().toString();
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<HttpApi.Response> responses;
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpApi.Response>> futures = IntStream.range(0, racers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return withKey(key).post("/api/invitations", ada());
                    }, pool)).toList();
            go.countDown();
            responses = futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
        // 409 only for a retry that arrives while the first is still being processed, which the timing may not give
        assertThat(responses).extracting(HttpApi.Response::status).isSubsetOf(201, 409);
        List<String> ids = responses.stream().filter(r -> r.status() == 201).map(r -> r.json().get("id").asString())
                .distinct().toList();
        assertThat(ids).hasSize(1);
        responses.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertThat(r.json().get("type").asString()).endsWith("/idempotent-request-in-progress"));
        assertThat(invitations()).isEqualTo(1);
        assertThat(withKey(key).post("/api/invitations", ada()).expect(201).get("id").asString()).isEqualTo(ids.get(0));
    }

    @Test
    void bulkCreateIsReplayedWholeWithItsLinks() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("invitations", List.of(ada(), Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Bob", "email", "bob@example.org"))));
        JsonNode first = withKey(key).post("/api/invitations/bulk", body).expect(200);
        HttpApi.Response again = withKey(key).post("/api/invitations/bulk", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first);
        assertThat(again.json().get("rows").findValuesAsString("outcome")).containsOnly("INVITED");
        assertThat(invitations()).isEqualTo(2);
    }
}
