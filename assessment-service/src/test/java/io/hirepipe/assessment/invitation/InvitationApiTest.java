package io.hirepipe.assessment.invitation;

import io.hirepipe.testkit.OpenApiAssertions;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.assessment.support.TestLinkKeys;
import io.hirepipe.testkit.EventRecord;
import io.hirepipe.assessment.support.QuestionServiceStub;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationRevoked;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.hirepipe.testkit.OpenApiAssertions.assertDocumentsRefusal;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Recruiters and platform clients inviting candidates, over real HTTP, Kafka and MongoDB. */
class InvitationApiTest extends AssessmentIntegrationTest {

    @Test
    void anInvitationPublishesTheLinkButStoresOnlyTheHashOfItsToken() {
        HttpApi.Response response = api(recruiterToken()).post("/api/invitations", Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Ada Lovelace", "email", "ada@example.org"),
                "extraTimeMinutes", 15));

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

        EventRecord event = awaitEvents("InvitationCreated", id).get(0);
        assertThat(event.envelope().tenantId()).isEqualTo(tenant);
        InvitationCreated payload = (InvitationCreated) event.envelope().payload();
        assertThat(payload.accessUrl()).as("never in plain text in the event").isNull();
        assertThat(payload.sealedAccessUrl()).doesNotContain(token);
        assertThat(TestLinkKeys.open(payload.sealedAccessUrl())).isEqualTo(accessUrl);
        assertThat(event.envelope().schemaVersion()).isEqualTo(3);
        assertThat(payload.candidate().email()).isEqualTo("ada@example.org");
        assertThat(payload.durationMinutes()).isEqualTo(30);
        assertThat(payload.extraTimeMinutes()).as("the invitation email tells the whole time").isEqualTo(15);
        assertThat(payload.recruiterEmail()).isEqualTo("rita@example.com");
        assertThat(payload.testTitle()).isEqualTo("Java basics");

        // The event waits in the document's outbox until Kafka has it; from then on only the hash remains.
        await().atMost(EVENT_WAIT).until(() -> !stored(id).containsKey("outbox")
                || stored(id).getList("outbox", Document.class).isEmpty());
        Document stored = stored(id);
        assertThat(stored.toJson()).doesNotContain(token);
        assertThat(stored.getString("tokenHash")).isEqualTo(AccessToken.hashOf(token)).hasSize(64);
        assertThat(stored.getString("tenantId")).isEqualTo(tenant);

        JsonNode read = api(recruiterToken()).get("/api/invitations/" + id).expect(200);
        assertThat(read.get("status").asString()).isEqualTo("INVITED");
        assertThat(read.has("accessUrl")).as("the link is shown only once").isFalse();
        assertThat(read.toString()).doesNotContain(token);
    }

    @Test
    void anInvitationToATestBeingEditedAnnouncesTheVersionSessionsStartFrom() {
        QUESTION_SERVICE.define(tenant, javaTest("edited", 30));
        QuestionServiceStub.Test longer = javaTest("edited", 45);
        QUESTION_SERVICE.editDraft(tenant, "edited", new QuestionServiceStub.Test("edited", "Java basics, revised",
                45, 70, longer.questions().subList(0, 2)));

        JsonNode created = invite("edited", "grace@example.org");

        // The candidate's email and welcome page must tell the time the session will really give.
        assertThat(created.get("durationMinutes").asInt()).isEqualTo(30);
        assertThat(created.get("testTitle").asString()).isEqualTo("Java basics");
        InvitationCreated payload = (InvitationCreated) awaitEvents("InvitationCreated", created.get("id").asString())
                .get(0).envelope().payload();
        assertThat(payload.durationMinutes()).isEqualTo(30);
        assertThat(payload.testTitle()).isEqualTo("Java basics");
    }

    private Document stored(String id) {
        return mongo.getCollection("invitations").find(eq("_id", id)).first();
    }

    @Test
    void aPlatformClientNamesTheRecruiterToReport() {
        Map<String, Object> withoutRecruiter = Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Ada", "email", "ada@example.org"));
        api(platformToken()).post("/api/invitations", withoutRecruiter)
                .problem(400, "recruiter-email-required");

        HttpApi.Response created = api(platformToken()).post("/api/invitations", Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Ada", "email", "ada@example.org"),
                "recruiterEmail", "hr@example.com", "expiresInHours", 1));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("recruiterEmail").asString()).isEqualTo("hr@example.com");
    }

    @Test
    void aTestQuestionServiceDoesNotKnowForTheTenantIsUnprocessable() {
        QUESTION_SERVICE.define("someone-else", javaTest("their-test", 30));

        for (String testId : List.of("no-such-test", "their-test")) {
            JsonNode problem = api(recruiterToken()).post("/api/invitations", Map.of("testId", testId,
                    "candidate", Map.of("name", "Ada", "email", "ada@example.org")))
                    .problem(422, "unknown-test");
            assertThat(problem.get("testId").asString()).isEqualTo(testId);
        }
        assertThat(api(recruiterToken()).get("/api/invitations").expect(200).get("items")).isEmpty();
    }

    @Test
    void theListShowsTheTenantsInvitationsNewestFirst() {
        String first = invite("java-basics", "one@example.org").get("id").asString();
        clock.advance(Duration.ofMillis(5));
        String second = invite("java-basics", "two@example.org").get("id").asString();
        clock.advance(Duration.ofMillis(5));
        String third = invite("java-basics", "three@example.org").get("id").asString();

        JsonNode list = api(recruiterToken()).get("/api/invitations").expect(200);
        assertThat(list.propertyNames()).as("a paged list").containsExactly("items", "nextCursor", "hasMore");
        JsonNode all = list.get("items");
        assertThat(all.findValuesAsString("id")).containsExactly(third, second, first);
        assertThat(all.get(0).has("accessUrl")).isFalse();

        JsonNode limited = api(recruiterToken()).get("/api/invitations?limit=2").expect(200).get("items");
        assertThat(limited.findValuesAsString("id")).containsExactly(third, second);

        assertThat(api(recruiterToken("other-tenant")).get("/api/invitations").expect(200).get("items")
                .findValuesAsString("id")).doesNotContain(first, second, third);
    }

    @Test
    void anotherTenantsInvitationDoesNotExistForTheCaller() {
        String id = invite("java-basics", "ada@example.org").get("id").asString();

        api(recruiterToken("other-tenant")).get("/api/invitations/" + id).problem(404, "not-found");
        api(recruiterToken("other-tenant")).post("/api/invitations/" + id + "/revoke", "{\"reason\":\"x\"}")
                .problem(404, "not-found");
        api(recruiterToken()).get("/api/invitations/inv_unknown").problem(404, "not-found");
        assertThat(api(recruiterToken()).get("/api/invitations/" + id).expect(200).get("status").asString())
                .isEqualTo("INVITED");
    }

    @Test
    void revokingIsFinalEmitsOnceAndIsRefusedAfterTheStart() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String id = created.get("id").asString();

        JsonNode revoked = api(recruiterToken()).post("/api/invitations/" + id + "/revoke",
                "{\"reason\":\"Position filled\"}").expect(200);
        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("revokeReason").asString()).isEqualTo("Position filled");
        JsonNode again = api(recruiterToken()).post("/api/invitations/" + id + "/revoke", "{\"reason\":\"Again\"}")
                .expect(200);
        assertThat(again.get("revokeReason").asString()).isEqualTo("Position filled");

        InvitationRevoked event = (InvitationRevoked) awaitEvents("InvitationRevoked", id).get(0).envelope().payload();
        assertThat(event.reason()).isEqualTo("Position filled");
        assertThat(eventsOnceSent(id, "InvitationRevoked", id)).hasSize(1);

        JsonNode startedOne = invite("java-basics", "bob@example.org");
        start(redeemAsCandidate(startedOne));
        String revoke = "/api/invitations/" + startedOne.get("id").asString() + "/revoke";
        JsonNode refused = api(recruiterToken()).post(revoke, "{\"reason\":\"late\"}").problem(409, "invitation-started");
        assertDocumentsRefusal(api(null).get("/v3/api-docs").expect(200), "POST", revoke, refused);
    }

    @Test
    void invalidInvitationsAreRefusedWithTheReason() {
        String token = recruiterToken();
        api(token).post("/api/invitations", "{\"testId\": \"java-basics\",").problem(400, "malformed-request");
        api(token).post("/api/invitations", "[1,2]").problem(400, "malformed-request");
        api(token).post("/api/invitations", "{\"testId\": {\"$gt\": \"\"}, \"candidate\": {\"name\": \"A\", "
                + "\"email\": \"a@example.org\"}}").problem(400, "malformed-request");
        api(token).post("/api/invitations", "{\"testId\": \"java-basics\", \"candidate\": {\"name\": \"A\", "
                + "\"email\": \"a@example.org\"}, \"expiresInHours\": \"soon\"}").problem(400, "malformed-request");

        JsonNode invalid = api(token).post("/api/invitations", Map.of("testId", "java basics!",
                "candidate", Map.of("name", "", "email", "not-an-email"),
                "expiresInHours", 721, "extraTimeMinutes", -1, "recruiterEmail", "nope"))
                .problem(400, "invalid-request");
        assertThat(invalid.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "testId", "candidate.name", "candidate.email", "expiresInHours", "extraTimeMinutes", "recruiterEmail");
        api(token).post("/api/invitations", Map.of("testId", "java-basics"))
                .problem(400, "invalid-request");
        api(token).post("/api/invitations", Map.of("testId", "java-basics",
                "candidate", Map.of("name", "A", "email", "a@example.org"), "extraTimeMinutes", 241))
                .problem(400, "invalid-request");

        String huge = "{\"testId\": \"java-basics\", \"candidate\": {\"name\": \"" + "x".repeat(300_000) + "\"}}";
        api(token).post("/api/invitations", huge).problem(413, "payload-too-large");

        assertThat(api(token).get("/api/invitations?limit=0").problem(400, "invalid-request")
                .get("parameter").asString()).isEqualTo("limit");
        assertThat(api(token).get("/api/invitations?limit=201").problem(400, "invalid-request")
                .get("errors").get(0).get("parameter").asString()).isEqualTo("limit");
        JsonNode many = api(token).get("/api/invitations?limit=many").problem(400, "invalid-parameter");
        assertThat(many.get("parameter").asString()).isEqualTo("limit");
        assertThat(many.get("detail").asString()).isEqualTo("Parameter 'limit' must be a whole number.");
        assertThat(api(token).get("/api/invitations").expect(200).get("items")).isEmpty();
    }

    @Test
    void invalidRevocationsAreRefused() {
        String id = invite("java-basics", "ada@example.org").get("id").asString();
        String path = "/api/invitations/" + id + "/revoke";

        api(recruiterToken()).post(path, "{\"reason\": ").problem(400, "malformed-request");
        api(recruiterToken()).post(path, "{\"reason\": {\"$gt\": \"\"}}").problem(400, "malformed-request");
        api(recruiterToken()).post(path, "{\"reason\": [\"a\"]}").problem(400, "malformed-request");
        api(recruiterToken()).post(path, Map.of("reason", "r".repeat(501))).problem(400, "invalid-request");
        api(recruiterToken()).post(path, "{\"reason\": \"" + "r".repeat(300_000) + "\"}")
                .problem(413, "payload-too-large");
        api(recruiterToken()).post("/api/invitations/inv_unknown/revoke", "{}").problem(404, "not-found");
        api(recruiterToken()).post("/api/invitations/%7B%22%24gt%22%3A%22%22%7D/revoke", "{}")
                .problem(404, "not-found");
        api(recruiterToken()).get("/api/invitations/%7B%22%24gt%22%3A%22%22%7D").problem(404, "not-found");

        assertThat(api(recruiterToken()).get("/api/invitations/" + id).expect(200).get("status").asString())
                .isEqualTo("INVITED");
    }

    @Test
    void onlyRecruitersAndPlatformClientsManageInvitations() {
        String id = invite("java-basics", "ada@example.org").get("id").asString();
        Map<String, Object> body = Map.of("testId", "java-basics",
                "candidate", Map.of("name", "A", "email", "a@example.org"));

        api(null).post("/api/invitations", body).problem(401, "unauthenticated");
        api(null).get("/api/invitations/" + id).problem(401, "unauthenticated");
        api("not-a-token").get("/api/invitations").problem(401, "unauthenticated");
        api(null).post("/api/invitations/" + id + "/revoke", "{}").problem(401, "unauthenticated");
        api(candidateToken(id)).post("/api/invitations", body).problem(403, "forbidden");
        api(candidateToken(id)).get("/api/invitations/" + id).problem(403, "forbidden");
        api(candidateToken(id)).post("/api/invitations/" + id + "/revoke", "{}").problem(403, "forbidden");
        api(gatewayToken()).get("/api/invitations").problem(403, "forbidden");
    }

    @Test
    void theApiDescriptionSaysACreatedInvitationIs201() {
        JsonNode responses = api(null).get("/v3/api-docs").expect(200).path("paths").path("/api/invitations")
                .path("post").path("responses");

        assertThat(responses.has("201")).as(responses.toString()).isTrue();
        assertThat(responses.has("200")).as(responses.toString()).isFalse();
        assertThat(responses.path("201").path("content").toString()).contains("InvitationView");
    }

    @Test
    void everyOperationHasASummaryExamplesAndProblemExamples() {
        OpenApiAssertions.assertEveryOperationIsDescribed(api(null).get("/v3/api-docs").expect(200));
    }
}
