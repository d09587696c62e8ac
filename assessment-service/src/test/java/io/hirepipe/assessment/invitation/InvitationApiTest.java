package io.hirepipe.assessment.invitation;

import io.hirepipe.assessment.support.Api;
import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.assessment.support.KafkaEvents;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationRevoked;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Recruiters and platform clients inviting candidates, over real HTTP, Kafka and MongoDB. */
class InvitationApiTest extends AssessmentIntegrationTest {

    @Test
    void anInvitationPublishesTheLinkButStoresOnlyTheHashOfItsToken() {
        Api.Response response = api.post("/api/invitations", Api.json(Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Ada Lovelace", "email", "ada@example.org"),
                "extraTimeMinutes", 15)), recruiterToken());

        assertThat(response.status()).isEqualTo(201);
        JsonNode created = response.json();
        String id = created.get("id").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/invitations/" + id);
        assertThat(created.get("status").asString()).isEqualTo("INVITED");
        assertThat(created.get("testTitle").asString()).isEqualTo("Java basics");
        assertThat(created.get("durationMinutes").asInt()).isEqualTo(30);
        assertThat(created.get("extraTimeMinutes").asInt()).isEqualTo(15);
        assertThat(created.get("recruiterEmail").asString()).isEqualTo("rita@example.com");
        assertThat(created.get("candidate").get("email").asString()).isEqualTo("ada@example.org");
        assertThat(Duration.between(Instant.parse(created.get("createdAt").asString()),
                Instant.parse(created.get("expiresAt").asString()))).isEqualTo(Duration.ofHours(72));
        String accessUrl = created.get("accessUrl").asString();
        assertThat(accessUrl).startsWith("https://hirepipe.test/take#token=");
        String token = tokenOf(created);
        assertThat(token).matches("[A-Za-z0-9_-]{43,}");

        KafkaEvents.Received event = awaitEvents("InvitationCreated", id, 1).get(0);
        assertThat(event.envelope().tenantId()).isEqualTo(tenant);
        InvitationCreated payload = (InvitationCreated) event.envelope().payload();
        assertThat(payload.accessUrl()).isEqualTo(accessUrl);
        assertThat(payload.candidate().email()).isEqualTo("ada@example.org");
        assertThat(payload.recruiterEmail()).isEqualTo("rita@example.com");
        assertThat(payload.testTitle()).isEqualTo("Java basics");

        // The event waits in the document's outbox until Kafka has it; from then on only the hash remains.
        await().atMost(EVENT_WAIT).until(() -> !stored(id).containsKey("outbox")
                || stored(id).getList("outbox", Document.class).isEmpty());
        Document stored = stored(id);
        assertThat(stored.toJson()).doesNotContain(token);
        assertThat(stored.getString("tokenHash")).isEqualTo(AccessToken.hashOf(token)).hasSize(64);
        assertThat(stored.getString("tenantId")).isEqualTo(tenant);

        JsonNode read = api.get("/api/invitations/" + id, recruiterToken()).ok();
        assertThat(read.get("status").asString()).isEqualTo("INVITED");
        assertThat(read.has("accessUrl")).as("the link is shown only once").isFalse();
        assertThat(read.toString()).doesNotContain(token);
    }

    private Document stored(String id) {
        return mongo.getCollection("invitations").find(eq("_id", id)).first();
    }

    @Test
    void aPlatformClientNamesTheRecruiterToReport() {
        Map<String, Object> withoutRecruiter = Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Ada", "email", "ada@example.org"));
        api.post("/api/invitations", Api.json(withoutRecruiter), platformToken())
                .problem(400, "recruiter-email-required");

        Api.Response created = api.post("/api/invitations", Api.json(Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Ada", "email", "ada@example.org"),
                "recruiterEmail", "hr@example.com", "expiresInHours", 1)), platformToken());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("recruiterEmail").asString()).isEqualTo("hr@example.com");
    }

    @Test
    void aTestQuestionServiceDoesNotKnowForTheTenantIsUnprocessable() {
        QUESTION_SERVICE.define("someone-else", javaTest("their-test", 30));

        for (String testId : List.of("no-such-test", "their-test")) {
            JsonNode problem = api.post("/api/invitations", Api.json(Map.of("testId", testId,
                    "candidate", Map.of("name", "Ada", "email", "ada@example.org"))), recruiterToken())
                    .problem(422, "unknown-test");
            assertThat(problem.get("testId").asString()).isEqualTo(testId);
        }
        assertThat(api.get("/api/invitations", recruiterToken()).ok().get("items")).isEmpty();
    }

    @Test
    void theListShowsTheTenantsInvitationsNewestFirst() {
        String first = invite("java-basics", "one@example.org").get("id").asString();
        clock.advance(Duration.ofMillis(5));
        String second = invite("java-basics", "two@example.org").get("id").asString();
        clock.advance(Duration.ofMillis(5));
        String third = invite("java-basics", "three@example.org").get("id").asString();

        JsonNode all = api.get("/api/invitations", recruiterToken()).ok().get("items");
        assertThat(all.findValuesAsString("id")).containsExactly(third, second, first);
        assertThat(all.get(0).has("accessUrl")).isFalse();

        JsonNode limited = api.get("/api/invitations?limit=2", recruiterToken()).ok().get("items");
        assertThat(limited.findValuesAsString("id")).containsExactly(third, second);

        assertThat(api.get("/api/invitations", recruiterToken("other-tenant")).ok().get("items")
                .findValuesAsString("id")).doesNotContain(first, second, third);
    }

    @Test
    void anotherTenantsInvitationDoesNotExistForTheCaller() {
        String id = invite("java-basics", "ada@example.org").get("id").asString();

        api.get("/api/invitations/" + id, recruiterToken("other-tenant")).problem(404, "not-found");
        api.post("/api/invitations/" + id + "/revoke", "{\"reason\":\"x\"}", recruiterToken("other-tenant"))
                .problem(404, "not-found");
        api.get("/api/invitations/inv_unknown", recruiterToken()).problem(404, "not-found");
        assertThat(api.get("/api/invitations/" + id, recruiterToken()).ok().get("status").asString())
                .isEqualTo("INVITED");
    }

    @Test
    void revokingIsFinalEmitsOnceAndIsRefusedAfterTheStart() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String id = created.get("id").asString();

        JsonNode revoked = api.post("/api/invitations/" + id + "/revoke", "{\"reason\":\"Position filled\"}",
                recruiterToken()).ok();
        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("revokeReason").asString()).isEqualTo("Position filled");
        JsonNode again = api.post("/api/invitations/" + id + "/revoke", "{\"reason\":\"Again\"}", recruiterToken()).ok();
        assertThat(again.get("revokeReason").asString()).isEqualTo("Position filled");

        InvitationRevoked event = (InvitationRevoked) awaitEvents("InvitationRevoked", id, 1).get(0).envelope().payload();
        assertThat(event.reason()).isEqualTo("Position filled");
        relay.publishPending();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> kafka.of("InvitationRevoked", id).size() == 1);

        JsonNode startedOne = invite("java-basics", "bob@example.org");
        start(redeemAsCandidate(startedOne));
        api.post("/api/invitations/" + startedOne.get("id").asString() + "/revoke", "{\"reason\":\"late\"}",
                recruiterToken()).problem(409, "invitation-started");
    }

    @Test
    void invalidInvitationsAreRefusedWithTheReason() {
        String token = recruiterToken();
        api.post("/api/invitations", "{\"testId\": \"java-basics\",", token).problem(400, "malformed-request");
        api.post("/api/invitations", "[1,2]", token).problem(400, "malformed-request");
        api.post("/api/invitations", "{\"testId\": {\"$gt\": \"\"}, \"candidate\": {\"name\": \"A\", "
                + "\"email\": \"a@example.org\"}}", token).problem(400, "malformed-request");
        api.post("/api/invitations", "{\"testId\": \"java-basics\", \"candidate\": {\"name\": \"A\", "
                + "\"email\": \"a@example.org\"}, \"expiresInHours\": \"soon\"}", token).problem(400, "malformed-request");

        JsonNode invalid = api.post("/api/invitations", Api.json(Map.of("testId", "java basics!",
                "candidate", Map.of("name", "", "email", "not-an-email"),
                "expiresInHours", 721, "extraTimeMinutes", -1, "recruiterEmail", "nope")), token)
                .problem(400, "invalid-request");
        assertThat(invalid.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "testId", "candidate.name", "candidate.email", "expiresInHours", "extraTimeMinutes", "recruiterEmail");
        api.post("/api/invitations", Api.json(Map.of("testId", "java-basics")), token)
                .problem(400, "invalid-request");
        api.post("/api/invitations", Api.json(Map.of("testId", "java-basics",
                "candidate", Map.of("name", "A", "email", "a@example.org"), "extraTimeMinutes", 241)), token)
                .problem(400, "invalid-request");

        String huge = "{\"testId\": \"java-basics\", \"candidate\": {\"name\": \"" + "x".repeat(300_000) + "\"}}";
        api.post("/api/invitations", huge, token).problem(413, "payload-too-large");

        api.get("/api/invitations?limit=0", token).problem(400);
        api.get("/api/invitations?limit=201", token).problem(400);
        api.get("/api/invitations?limit=many", token).problem(400);
        assertThat(api.get("/api/invitations", token).ok().get("items")).isEmpty();
    }

    @Test
    void invalidRevocationsAreRefused() {
        String id = invite("java-basics", "ada@example.org").get("id").asString();
        String path = "/api/invitations/" + id + "/revoke";

        api.post(path, "{\"reason\": ", recruiterToken()).problem(400, "malformed-request");
        api.post(path, "{\"reason\": {\"$gt\": \"\"}}", recruiterToken()).problem(400, "malformed-request");
        api.post(path, "{\"reason\": [\"a\"]}", recruiterToken()).problem(400, "malformed-request");
        api.post(path, Api.json(Map.of("reason", "r".repeat(501))), recruiterToken()).problem(400, "invalid-request");
        api.post(path, "{\"reason\": \"" + "r".repeat(300_000) + "\"}", recruiterToken())
                .problem(413, "payload-too-large");
        api.post("/api/invitations/inv_unknown/revoke", "{}", recruiterToken()).problem(404, "not-found");
        api.post("/api/invitations/%7B%22%24gt%22%3A%22%22%7D/revoke", "{}", recruiterToken()).problem(404, "not-found");
        api.get("/api/invitations/%7B%22%24gt%22%3A%22%22%7D", recruiterToken()).problem(404, "not-found");

        assertThat(api.get("/api/invitations/" + id, recruiterToken()).ok().get("status").asString())
                .isEqualTo("INVITED");
    }

    @Test
    void onlyRecruitersAndPlatformClientsManageInvitations() {
        String id = invite("java-basics", "ada@example.org").get("id").asString();
        String body = Api.json(Map.of("testId", "java-basics", "candidate", Map.of("name", "A", "email", "a@example.org")));

        api.post("/api/invitations", body, null).problem(401, "unauthenticated");
        api.get("/api/invitations/" + id, null).problem(401, "unauthenticated");
        api.get("/api/invitations", "not-a-token").problem(401, "unauthenticated");
        api.post("/api/invitations/" + id + "/revoke", "{}", null).problem(401, "unauthenticated");
        api.post("/api/invitations", body, candidateToken(id)).problem(403, "forbidden");
        api.get("/api/invitations/" + id, candidateToken(id)).problem(403, "forbidden");
        api.post("/api/invitations/" + id + "/revoke", "{}", candidateToken(id)).problem(403, "forbidden");
        api.get("/api/invitations", gatewayToken()).problem(403, "forbidden");
    }
}
