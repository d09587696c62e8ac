package io.hirepipe.assessment.invitation;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.contracts.events.InvitationExpired;
import io.hirepipe.testkit.HttpApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What platform clients need of invitations: their own reference, filtered and paged lists, moving
 * the expiry, bulk create, one active invitation per candidate and test. Real HTTP, Kafka, MongoDB.
 */
class InvitationPlatformApiTest extends AssessmentIntegrationTest {

    @Autowired
    InvitationExpirySweep sweep;

    private static Map<String, Object> invitation(String email, String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("testId", "java-basics");
        body.put("candidate", Map.of("name", "Ada Lovelace", "email", email));
        if (reference != null) {
            body.put("externalReference", reference);
        }
        return body;
    }

    // --- external reference, filters, paging ----------------------------------------------------------------

    @Test
    void theExternalReferenceIsStoredShownAndFilterable() {
        JsonNode created = invite(invitation("ada@example.org", "greenhouse-app-4711"));
        String id = created.get("id").asString();
        assertThat(created.get("externalReference").asString()).isEqualTo("greenhouse-app-4711");
        invite(invitation("bob@example.org", "greenhouse-app-4712"));
        invite(invitation("cy@example.org", null));

        assertThat(api(recruiterToken()).get("/api/invitations/" + id).expect(200).get("externalReference").asString())
                .isEqualTo("greenhouse-app-4711");
        JsonNode found = api(platformToken()).get("/api/invitations?externalReference=greenhouse-app-4711").expect(200);
        assertThat(found.get("items").findValuesAsString("id")).containsExactly(id);
        assertThat(found.get("hasMore").asBoolean()).isFalse();
        assertThat(found.get("nextCursor").isNull()).isTrue();
        assertThat(api(recruiterToken("other-tenant")).get("/api/invitations?externalReference=greenhouse-app-4711")
                .expect(200).get("items")).as("another tenant's reference is not found").isEmpty();

        JsonNode tooLong = api(recruiterToken()).post("/api/invitations", invitation("di@example.org", "r".repeat(201)))
                .problem(400, "invalid-request");
        assertThat(tooLong.get("errors").findValuesAsString("field")).containsExactly("externalReference");
        for (String control : List.of("line\nbreak", "tab\tbed", "del\u007F")) {
            assertThat(api(recruiterToken()).post("/api/invitations", invitation("di@example.org", control))
                    .problem(400, "invalid-request").get("errors").findValuesAsString("field"))
                    .containsExactly("externalReference");
        }
        assertThat(api(recruiterToken()).post("/api/invitations", invitation("zoe@example.org", "Zoë's ref №7 – ok"))
                .expect(201).get("externalReference").asString()).isEqualTo("Zoë's ref №7 – ok");
        assertThat(api(recruiterToken()).post("/api/invitations", invitation("di@example.org", "r".repeat(200)))
                .status()).isEqualTo(201);
    }

    @Test
    void listsFilterByStatusTestAndCreationTimeAndPageWithoutGapsOrRepeats() {
        QUESTION_SERVICE.define(tenant, javaTest("sql-basics", 20));
        Instant begin = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> javaIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            javaIds.add(0, invite("java-basics", "java" + i + "@example.org").get("id").asString());
            if (i % 2 == 0) {
                clock.advance(Duration.ofMillis(3)); // some share a creation time: the id breaks the tie
            }
        }
        clock.advance(Duration.ofMillis(5));
        Instant middle = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String sql = invite("sql-basics", "sql@example.org").get("id").asString();
        String shortLived = invite(Map.of("testId", "sql-basics", "candidate",
                Map.of("name", "Eve", "email", "eve@example.org"), "expiresInHours", 1)).get("id").asString();
        String revoked = invite("sql-basics", "rev@example.org").get("id").asString();
        api(recruiterToken()).post("/api/invitations/" + revoked + "/revoke", "{\"reason\":\"x\"}").expect(200);
        clock.advance(Duration.ofMinutes(61));

        // paging through one test: every row once, newest first, across pages of two
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api(recruiterToken()).get("/api/invitations?testId=java-basics&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).expect(200);
            assertThat(page.propertyNames()).containsExactlyInAnyOrder("items", "nextCursor", "hasMore");
            paged.addAll(page.get("items").findValuesAsString("id"));
            cursor = page.get("hasMore").asBoolean() ? page.get("nextCursor").asString() : null;
            pages++;
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(javaIds);
        assertThat(pages).isEqualTo(3);

        assertThat(ids("/api/invitations?status=EXPIRED")).containsExactly(shortLived);
        assertThat(ids("/api/invitations?status=REVOKED")).containsExactly(revoked);
        assertThat(ids("/api/invitations?status=INVITED&testId=sql-basics")).containsExactly(sql);
        assertThat(ids("/api/invitations?createdFrom=" + middle)).containsExactly(revoked, shortLived, sql);
        assertThat(ids("/api/invitations?createdFrom=" + begin + "&createdTo=" + middle))
                .containsExactlyElementsOf(javaIds);
    }

    private List<String> ids(String path) {
        return api(recruiterToken()).get(path).expect(200).get("items").findValuesAsString("id");
    }

    @Test
    void badListParametersAreProblemsNamingTheParameter() {
        String token = recruiterToken();
        assertThat(api(token).get("/api/invitations?status=OPEN").problem(400).get("parameter").asString())
                .isEqualTo("status");
        assertThat(api(token).get("/api/invitations?createdFrom=yesterday").problem(400).get("parameter").asString())
                .isEqualTo("createdFrom");
        assertThat(api(token).get("/api/invitations?createdTo=2026-13-01").problem(400).get("parameter").asString())
                .isEqualTo("createdTo");
        assertThat(api(token).get("/api/invitations?createdFrom=2026-12-02T00:00:00Z&createdTo=2026-12-01T00:00:00Z")
                .problem(400).get("parameter").asString()).isEqualTo("createdFrom");
        assertThat(api(token).get("/api/invitations?cursor=not-a-cursor").problem(400, "invalid-cursor")
                .get("parameter").asString()).isEqualTo("cursor");
        assertThat(api(token).get("/api/invitations?externalReference=" + "x".repeat(201)).problem(400)
                .get("parameter").asString()).isEqualTo("externalReference");
        api(token).get("/api/invitations?limit=0").problem(400);
    }

    // --- extend ---------------------------------------------------------------------------------------------

    @Test
    void extendingMovesTheExpiryAndAnExtendedInvitationAnnouncesItsNextExpiryAgain() {
        JsonNode created = invite(Map.of("testId", "java-basics", "candidate",
                Map.of("name", "Ada", "email", "ada@example.org"), "expiresInHours", 1));
        String id = created.get("id").asString();

        clock.advance(Duration.ofMinutes(61));
        sweep.sweep();
        relay.publishPending();
        awaitEvents("InvitationExpired", id);
        assertThat(api(recruiterToken()).get("/api/invitations/" + id).expect(200).get("status").asString())
                .isEqualTo("EXPIRED");
        assertThat(stored(id).containsKey("activeKey")).as("an expired invitation no longer blocks a new one").isFalse();

        Instant newExpiry = clock.instant().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        JsonNode extended = api(recruiterToken()).post("/api/invitations/" + id + "/extend",
                Map.of("expiresAt", newExpiry.toString())).expect(200);
        assertThat(extended.get("status").asString()).isEqualTo("INVITED");
        assertThat(Instant.parse(extended.get("expiresAt").asString())).isEqualTo(newExpiry);
        assertThat(stored(id).containsKey("expiryAnnouncedAt")).isFalse();
        assertThat(stored(id).containsKey("activeKey")).as("active again").isTrue();
        // the candidate's link works again
        start(redeemAsCandidate(created));

        JsonNode second = invite(Map.of("testId", "java-basics", "candidate",
                Map.of("name", "Bob", "email", "bob@example.org"), "expiresInHours", 1));
        String secondId = second.get("id").asString();
        clock.advance(Duration.ofMinutes(61));
        sweep.sweep();
        api(recruiterToken()).post("/api/invitations/" + secondId + "/extend",
                Map.of("expiresAt", clock.instant().plus(Duration.ofHours(1)).toString())).expect(200);
        clock.advance(Duration.ofMinutes(61));
        sweep.sweep();
        relay.publishPending();
        org.awaitility.Awaitility.await().atMost(EVENT_WAIT)
                .until(() -> events("InvitationExpired", secondId).size() == 2);
        InvitationExpired last = (InvitationExpired) events("InvitationExpired", secondId).get(1).envelope().payload();
        assertThat(last.expiresAt()).isAfter(((InvitationExpired) events("InvitationExpired", secondId).get(0)
                .envelope().payload()).expiresAt());
    }

    @Test
    void extensionsThatCannotWorkAreProblems() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String id = created.get("id").asString();
        String path = "/api/invitations/" + id + "/extend";

        assertThat(api(recruiterToken()).post(path, Map.of("expiresAt", clock.instant().minusSeconds(60).toString()))
                .problem(422, "expiry-in-past").get("field").asString()).isEqualTo("expiresAt");
        api(recruiterToken()).post(path, Map.of("expiresAt", clock.instant().plus(Duration.ofDays(31)).toString()))
                .problem(422, "expiry-too-far");
        api(recruiterToken()).post(path, Map.of("expiresAt", "next week")).problem(400, "malformed-request");
        api(recruiterToken()).post(path, Map.of()).problem(400, "invalid-request");
        api(recruiterToken()).post(path, "{\"expiresAt\":").problem(400, "malformed-request");
        Map<String, String> later = Map.of("expiresAt", clock.instant().plus(Duration.ofHours(5)).toString());
        api(recruiterToken("other-tenant")).post(path, later).problem(404, "not-found");
        api(recruiterToken()).post("/api/invitations/inv_unknown/extend", later).problem(404, "not-found");
        api(candidateToken(id)).post(path, later).problem(403);

        start(redeemAsCandidate(created));
        assertThat(api(recruiterToken()).post(path, later).problem(409, "invitation-ended")
                .get("invitationStatus").asString()).isEqualTo("STARTED");
        String revoked = invite("java-basics", "bob@example.org").get("id").asString();
        api(recruiterToken()).post("/api/invitations/" + revoked + "/revoke", "{\"reason\":\"x\"}").expect(200);
        api(recruiterToken()).post("/api/invitations/" + revoked + "/extend", later).problem(409, "invitation-ended");
    }

    // --- de-duplication ---------------------------------------------------------------------------------------

    @Test
    void anActiveInvitationForTheSameCandidateAndTestIsNotCreatedAgain() {
        String first = invite("java-basics", "ada@example.org").get("id").asString();

        JsonNode again = api(platformToken()).post("/api/invitations", Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Ada L.", "email", "ADA@Example.ORG"), "recruiterEmail", "hr@example.com"))
                .problem(409, "already-invited");
        assertThat(again.get("title").asString()).isEqualTo("Already invited");
        assertThat(again.get("invitationId").asString()).isEqualTo(first);
        assertThat(api(recruiterToken("other-tenant")).post("/api/invitations", invitation("ada@example.org", null))
                .status()).as("another tenant's candidate is another candidate").isNotEqualTo(409);
        QUESTION_SERVICE.define(tenant, javaTest("sql-basics", 20));
        assertThat(api(recruiterToken()).post("/api/invitations", Map.of("testId", "sql-basics",
                "candidate", Map.of("name", "Ada", "email", "ada@example.org"))).status())
                .as("another test").isEqualTo(201);

        // revoked: ended, a new invitation is allowed
        api(recruiterToken()).post("/api/invitations/" + first + "/revoke", "{\"reason\":\"typo\"}").expect(200);
        JsonNode second = invite("java-basics", "ada@example.org");
        String secondId = second.get("id").asString();

        // a retake after the session ended is a new invitation; while it runs it is not
        String candidate = redeemAsCandidate(second);
        start(candidate);
        api(recruiterToken()).post("/api/invitations", invitation("ada@example.org", null))
                .problem(409, "already-invited");
        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        String retake = invite("java-basics", "ada@example.org").get("id").asString();
        assertThat(retake).isNotEqualTo(secondId);

        // expired (before the sweep noticed): a new one is allowed at once
        clock.advance(Duration.ofHours(73));
        assertThat(invite("java-basics", "ada@example.org").get("id").asString()).isNotEqualTo(retake);
    }

    @Test
    void concurrentCreatesForOneCandidateMakeExactlyOneInvitation() throws Exception {
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpApi.Response>> responses = IntStream.range(0, racers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        await(go);
                        return api(recruiterToken()).post("/api/invitations", invitation("race@example.org", null));
                    }, pool)).toList();
            go.countDown();
            List<Integer> statuses = responses.stream().map(CompletableFuture::join).map(HttpApi.Response::status).toList();
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mongo.getCollection("invitations").countDocuments(eq("tenantId", tenant))).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- bulk -------------------------------------------------------------------------------------------------

    @Test
    void bulkCreateAnswersEveryRowAndABadRowNeverStopsGoodOnes() {
        String existing = invite("java-basics", "old@example.org").get("id").asString();
        List<Object> rows = new ArrayList<>();
        rows.add(invitation("one@example.org", "ref-1"));                                     // 0 invited
        rows.add(Map.of("testId", "java-basics", "candidate", Map.of("name", "X", "email", "not-an-email"))); // 1
        rows.add(invitation("old@example.org", null));                                        // 2 already
        rows.add(Map.of("testId", "no-such-test", "candidate", Map.of("name", "Y", "email", "y@example.org"))); // 3
        rows.add(Map.of("testId", "java-basics", "candidate", Map.of("name", "Z", "email", "z@example.org"),
                "expiresInHours", "soon"));                                                    // 4 wrong type
        rows.add(invitation("ONE@example.org", null));                                        // 5 dup of row 0
        rows.add("just a string");                                                             // 6
        rows.add(invitation("two@example.org", null));                                        // 7 invited

        JsonNode result = api(platformToken()).withHeader("X-Ignored", "1").post("/api/invitations/bulk",
                Map.of("invitations", rowsWithRecruiter(rows))).expect(200);
        JsonNode out = result.get("rows");
        assertThat(out).hasSize(8);
        assertThat(out.findValuesAsString("outcome")).containsExactly("INVITED", "REFUSED", "ALREADY_INVITED",
                "REFUSED", "REFUSED", "ALREADY_INVITED", "REFUSED", "INVITED");
        assertThat(out.get(0).get("accessUrl").asString()).startsWith("https://hirepipe.test/take#token=");
        assertThat(out.get(1).get("problem").get("field").asString()).isEqualTo("candidate.email");
        assertThat(out.get(2).get("invitationId").asString()).isEqualTo(existing);
        assertThat(out.get(3).get("problem").get("type").asString()).endsWith("/unknown-test");
        assertThat(out.get(3).get("problem").get("field").asString()).isEqualTo("testId");
        assertThat(out.get(4).get("problem").get("field").asString()).isEqualTo("expiresInHours");
        assertThat(out.get(5).get("invitationId").asString()).isEqualTo(out.get(0).get("invitationId").asString());
        assertThat(out.get(6).get("problem").get("status").asInt()).isEqualTo(400);
        assertThat(out.get(1).get("invitationId").isNull()).isTrue();

        String created = out.get(0).get("invitationId").asString();
        JsonNode stored = api(recruiterToken()).get("/api/invitations/" + created).expect(200);
        assertThat(stored.get("externalReference").asString()).isEqualTo("ref-1");
        awaitEvents("InvitationCreated", created);
        assertThat(mongo.getCollection("invitations").countDocuments(eq("tenantId", tenant))).isEqualTo(3);
    }

    private static List<Object> rowsWithRecruiter(List<Object> rows) {
        return rows.stream().map(row -> {
            if (row instanceof Map<?, ?> map) {
                Map<String, Object> copy = new HashMap<>();
                map.forEach((k, v) -> copy.put((String) k, v));
                copy.put("recruiterEmail", "hr@example.com");
                return (Object) copy;
            }
            return row;
        }).toList();
    }

    @Test
    void bulkRequestsOfTheWrongSizeOrShapeAreRefusedWhole() {
        List<Object> tooMany = IntStream.range(0, 501).mapToObj(i -> (Object) invitation("c" + i + "@example.org", null))
                .toList();
        api(recruiterToken()).post("/api/invitations/bulk", Map.of("invitations", tooMany)).problem(400, "invalid-request");
        api(recruiterToken()).post("/api/invitations/bulk", Map.of("invitations", List.of())).problem(400, "invalid-request");
        api(recruiterToken()).post("/api/invitations/bulk", Map.of()).problem(400, "invalid-request");
        api(recruiterToken()).post("/api/invitations/bulk", "{\"invitations\": {}}").problem(400, "malformed-request");
        api(recruiterToken()).post("/api/invitations/bulk", "[").problem(400, "malformed-request");
        api(candidateToken("inv_x")).post("/api/invitations/bulk", Map.of("invitations",
                List.of(invitation("a@example.org", null)))).problem(403);
        assertThat(mongo.getCollection("invitations").countDocuments(eq("tenantId", tenant))).isZero();
    }

    @Test
    void fiveHundredRowsAreCreatedInOneRequest() {
        List<Object> rows = IntStream.range(0, 500)
                .mapToObj(i -> (Object) invitation("bulk" + i + "@example.org", "row-" + i)).toList();
        JsonNode out = api(recruiterToken()).post("/api/invitations/bulk", Map.of("invitations", rows)).expect(200)
                .get("rows");
        assertThat(out.findValuesAsString("outcome")).hasSize(500).containsOnly("INVITED");
        assertThat(api(recruiterToken()).get("/api/invitations?externalReference=row-499").expect(200).get("items"))
                .hasSize(1);
    }

    private Document stored(String id) {
        return mongo.getCollection("invitations").find(eq("_id", id)).first();
    }
}
