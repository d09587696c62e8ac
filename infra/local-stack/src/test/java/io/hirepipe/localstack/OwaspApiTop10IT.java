package io.hirepipe.localstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OWASP API Security Top 10 (2023), tried against the started stack through the gateway as an
 * attacker would: the public entry, the real services behind it.
 *
 * <p>Tokens "from another tenant" are signed here with the stack's own edge key (read from its data
 * directory), so they are exactly what the gateway issues to a recruiter of another company. A first
 * test proves that: the same forging for the demo tenant is accepted, so every refusal below is about
 * the claim that was changed and nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedLocalStack.class)
class OwaspApiTop10IT {

    private static final String EDGE_ISSUER = "hirepipe-gateway";
    private static final String EDGE_AUDIENCE = "hirepipe-gateway";
    private static final String OTHER_TENANT = "owasp-other-company";
    private static final String OTHER_USER = "usr_owasp_other";
    /**
     * The person each forged token names, per tenant: the gateway checks on every request that a person's
     * account exists, is active and belongs to the token's tenant, so a faithful forgery names a real one.
     */
    private static final Map<String, String> SUBJECTS = new java.util.concurrent.ConcurrentHashMap<>();

    private LocalStack stack;
    private HttpApi anonymous;
    private HttpApi recruiter;
    private byte[] edgeKey;
    private String questionId;
    private String testId;
    private String aliceInvitationId;
    private String bobInvitationId;
    private HttpApi alice;
    private String aliceSessionId;

    @BeforeAll
    void createOneTenantsData(SharedLocalStack.Stack sharedStack) {
        stack = sharedStack.get();
        anonymous = HttpApi.at(stack.gatewayUrl().toString());
        String token = login().get("token").asString();
        recruiter = anonymous.withBearer(token);
        SUBJECTS.put(stack.demo().tenantId(), subjectOf(token));
        addOtherCompany();
        edgeKey = StackSecrets.loadOrCreate(stack.config().dataDir()).gatewayJwtSecret().getBytes(StandardCharsets.UTF_8);

        questionId = recruiter.post("/api/v1/questions", Map.of(
                "kind", "SINGLE_CHOICE",
                "title", "Isolation",
                "prompt", "Which isolation level prevents non-repeatable reads?",
                "options", List.of(Map.of("id", "a", "text", "Read committed"),
                        Map.of("id", "b", "text", "Repeatable read")),
                "correctOptionIds", List.of("b"),
                "points", 1)).expect(201).get("id").asString();
        recruiter.post("/api/v1/questions/" + questionId + "/publish", Map.of()).expect(200);
        testId = recruiter.post("/api/v1/tests", Map.of(
                "title", "OWASP probe",
                "durationMinutes", 15,
                "passMarkPercent", 50,
                "sections", List.of(Map.of("title", "Databases", "questionIds", List.of(questionId)))))
                .expect(201).get("id").asString();
        aliceInvitationId = invite("Alice Probe", "alice.owasp@example.com");
        bobInvitationId = invite("Bob Probe", "bob.owasp@example.com");

        SinkMailbox mailbox = new SinkMailbox(stack);
        String aliceLink = mailbox.invitationToken("alice.owasp@example.com", "OWASP probe");
        alice = anonymous.withBearer(anonymous.post("/api/v1/auth/candidate", Map.of("invitationToken", aliceLink))
                .expect(200).get("token").asString());
        aliceSessionId = alice.post("/api/v1/candidate/assessment/start", Map.of()).expect(200)
                .get("sessionId").asString();
    }

    @Test
    void theForgingHereIsFaithful_aTokenForTheDemoTenantIsAccepted() {
        HttpApi forged = anonymous.withBearer(edgeToken(stack.demo().tenantId(), claims -> claims));

        assertThat(forged.get("/api/v1/invitations/" + aliceInvitationId).expect(200).get("id").asString())
                .isEqualTo(aliceInvitationId);
    }

    // API1: broken object-level authorisation

    @Test
    void api1_anotherTenantsIdsBehaveLikeUnknownIds() {
        HttpApi otherCompany = anonymous.withBearer(edgeToken(OTHER_TENANT, claims -> claims));

        for (String path : List.of("/api/v1/invitations/" + aliceInvitationId, "/api/v1/questions/" + questionId,
                "/api/v1/tests/" + testId, "/api/v1/results/" + aliceSessionId)) {
            JsonNode foreign = otherCompany.get(path).problem(404);
            JsonNode unknown = otherCompany.get(path + "-unknown").problem(404);
            assertThat(foreign.get("type")).as(path).isEqualTo(unknown.get("type"));
        }
        otherCompany.post("/api/v1/invitations/" + aliceInvitationId + "/revoke", Map.of("reason", "probe")).problem(404);
        otherCompany.post("/api/v1/questions/" + questionId + "/retire", Map.of()).problem(404);
        assertThat(otherCompany.get("/api/v1/invitations").expect(200).toString())
                .doesNotContain(aliceInvitationId, bobInvitationId);
        assertThat(otherCompany.get("/api/v1/questions").expect(200).toString()).doesNotContain(questionId);

        // Nothing the probe tried changed the owner's data.
        assertThat(recruiter.get("/api/v1/invitations/" + aliceInvitationId).expect(200).get("status").asString())
                .isNotEqualTo("REVOKED");
        assertThat(recruiter.get("/api/v1/questions/" + questionId).expect(200).get("status").asString())
                .isEqualTo("PUBLISHED");
    }

    @Test
    void api1_aCandidateReachesOnlyTheirOwnSession() {
        alice.get("/api/v1/invitations/" + bobInvitationId).problem(403);
        alice.get("/api/v1/results/" + aliceSessionId).problem(403);
        // The candidate API takes no ids at all: the token names the one invitation it may touch.
        assertThat(alice.get("/api/v1/candidate/assessment/session").expect(200).get("sessionId").asString())
                .isEqualTo(aliceSessionId);
    }

    // API2: broken authentication

    @Test
    void api2_expiredTamperedForeignAndUnsignedTokensAreRefused() {
        Instant now = Instant.now();
        Map<String, String> broken = Map.of(
                "expired", edgeToken(stack.demo().tenantId(), c -> c
                        .issueTime(Date.from(now.minus(Duration.ofHours(1))))
                        .expirationTime(Date.from(now.minus(Duration.ofMinutes(10))))),
                "wrong audience", edgeToken(stack.demo().tenantId(), c -> c.audience("assessment-service")),
                "wrong issuer", edgeToken(stack.demo().tenantId(), c -> c.issuer("someone-else")),
                "service kind", edgeToken(stack.demo().tenantId(), c -> c.claim("kind", "SERVICE")),
                "tampered", tampered(edgeToken(stack.demo().tenantId(), c -> c)),
                "alg none", unsigned(stack.demo().tenantId()),
                "other key", signed(new byte[48], stack.demo().tenantId(), c -> c),
                "garbage", "not-a-token");

        broken.forEach((what, token) -> {
            JsonNode problem = anonymous.withBearer(token).get("/api/v1/invitations/" + aliceInvitationId).problem(401);
            assertThat(problem.toString()).as(what).doesNotContain("alice.owasp@example.com", "Exception");
        });
    }

    @Test
    void api2_revokedCredentialsStopAtOnce() {
        JsonNode created = recruiter.post("/api/v1/api-keys", Map.of("name", "owasp-revoked",
                "scopes", List.of("results:read"))).expect(201);
        HttpApi platform = anonymous.withHeader("X-Api-Key", created.get("key").asString());
        platform.get("/api/v1/results").expect(200);

        recruiter.delete("/api/v1/api-keys/" + created.get("id").asString()).expect(204);
        platform.get("/api/v1/results").problem(401);

        JsonNode signIn = login();
        String refreshToken = signIn.get("refreshToken").asString();
        anonymous.post("/api/v1/auth/logout", Map.of("refreshToken", refreshToken)).expect(204);
        anonymous.post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken)).problem(401);
    }

    // API3: broken object property level authorisation (excessive exposure)

    @Test
    void api3_noSecretHashOrKeyLeavesInAResponse() {
        JsonNode created = recruiter.post("/api/v1/api-keys", Map.of("name", "owasp-listed",
                "scopes", List.of("results:read"))).expect(201);
        String secret = created.get("key").asString();
        String keyList = recruiter.get("/api/v1/api-keys").expect(200).toString();
        assertThat(keyList).contains("owasp-listed").doesNotContain(secret).doesNotContainIgnoringCase("hash");

        String invitations = recruiter.get("/api/v1/invitations").expect(200).toString()
                + recruiter.get("/api/v1/invitations/" + aliceInvitationId).expect(200);
        assertThat(invitations).doesNotContain("#token=").doesNotContainIgnoringCase("\"token\"")
                .doesNotContainIgnoringCase("password");

        String candidateView = alice.get("/api/v1/candidate/assessment/session").expect(200).toString();
        assertThat(candidateView).contains("Repeatable read")
                .doesNotContain("correctOptionIds", "rubric", "keyPoints", "\"correct\"");
    }

    // API4: unrestricted resource consumption

    @Test
    void api4_bodiesPagesAndRetriesAreBounded() {
        String huge = "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        recruiter.post("/api/v1/questions", huge).problem(413);

        JsonNode tooMany = recruiter.get("/api/v1/invitations?limit=100000").problem(400);
        assertThat(tooMany.toString()).contains("limit");

        // One guessed link tried in a loop: its own budget (10 a minute) runs out, whatever the address.
        String guess = "owasp-" + UUID.randomUUID();
        HttpApi.Response last = null;
        for (int attempt = 0; attempt < 12; attempt++) {
            last = anonymous.post("/api/v1/auth/candidate", Map.of("invitationToken", guess));
            if (last.status() == 429) {
                break;
            }
            last.problem(401);
        }
        assertThat(last.status()).as("the loop was stopped").isEqualTo(429);
        last.problem(429);
        assertThat(last.header("Retry-After")).isPresent();
        assertThat(last.header("RateLimit-Policy")).isPresent();
    }

    // API5: broken function-level authorisation

    @Test
    void api5_candidatesAndNarrowKeysCannotCallRecruiterFunctions() {
        alice.post("/api/v1/questions", Map.of("kind", "FREE_TEXT", "title", "x", "prompt", "y", "points", 1))
                .problem(403);
        alice.get("/api/v1/api-keys").problem(403);
        alice.post("/api/v1/invitations", Map.of("testId", testId,
                "candidate", Map.of("name", "Mallory", "email", "mallory@example.com"))).problem(403);

        HttpApi readOnlyKey = anonymous.withHeader("X-Api-Key", recruiter.post("/api/v1/api-keys", Map.of(
                "name", "owasp-read-only", "scopes", List.of("results:read"))).expect(201).get("key").asString());
        readOnlyKey.post("/api/v1/invitations", Map.of("testId", testId,
                "candidate", Map.of("name", "Mallory", "email", "mallory@example.com"))).problem(403);
        readOnlyKey.post("/api/v1/api-keys", Map.of("name", "escalate", "scopes", List.of("results:read")))
                .problem(403);
        readOnlyKey.get("/api/v1/api-keys").problem(403);
        assertThat(recruiter.get("/api/v1/invitations").expect(200).toString()).doesNotContain("mallory@example.com");
    }

    // API7: server-side request forgery

    /**
     * The local stack lets loopback receivers through on purpose (its README how-to runs one), so loopback
     * itself is covered by notification-service's SsrfGuardTest; here: the cloud metadata address and
     * private networks, which no setting opens.
     */
    @Test
    void api7_webhooksCannotTargetInternalAddresses() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "https://10.0.0.7/hook",
                "https://192.168.1.20/hook", "https://[fd00::7]/hook", "https://172.16.0.1/hook")) {
            HttpApi.Response refused = recruiter.post("/api/v1/notifications/webhooks", Map.of(
                    "url", url, "eventTypes", List.of("assessment.scored")));
            assertThat(refused.status()).as(url).isBetween(400, 422);
            assertThat(refused.isProblem()).as(url).isTrue();
        }
        assertThat(recruiter.get("/api/v1/notifications/webhooks").expect(200).toString())
                .doesNotContain("169.254.169.254", "10.0.0.7");
    }

    // API8: security misconfiguration

    @Test
    void api8_operatorEndpointsCorsAndErrorsGiveNothingAway() {
        for (String path : List.of("/actuator/prometheus", "/actuator/env", "/actuator/heapdump")) {
            assertThat(anonymous.get(path).status()).as(path).isIn(401, 403, 404);
        }

        HttpApi evilPreflight = anonymous.withHeader("Origin", "https://evil.example")
                .withHeader("Access-Control-Request-Method", "POST");
        HttpApi.Response preflight = evilPreflight.send("OPTIONS", "/api/v1/invitations", null);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();

        HttpApi.Response response = recruiter.get("/api/v1/invitations/" + aliceInvitationId);
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().allValues("X-Correlation-Id")).hasSize(1);

        String malformed = recruiter.post("/api/v1/questions", "{\"kind\": ").problem(400).toString();
        assertThat(malformed).doesNotContain("Exception", "at io.hirepipe", "tools.jackson");
    }

    // API9: improper inventory management

    @Test
    void api9_onlyDocumentedVersionsAnswer_andOldPathsAnnounceTheirSunset() {
        HttpApi.Response legacy = recruiter.get("/api/questions/" + questionId);
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.header("Deprecation")).isPresent();
        assertThat(legacy.header("Sunset")).isPresent();

        assertThat(recruiter.get("/api/v2/questions/" + questionId).status()).isEqualTo(404);
        // The whole document: a service builds its part on the first request, which may outlast the gateway's wait.
        assertThat(PublicApiDocument.complete(anonymous).get("paths").has("/api/v1/questions/{id}")).isTrue();
    }

    /** The gateway has no API that creates organisations, so the other one is written into its database. */
    private void addOtherCompany() {
        try (com.mongodb.client.MongoClient mongo = com.mongodb.client.MongoClients.create(
                "mongodb://127.0.0.1:" + stack.config().ports().mongo())) {
            var gateway = mongo.getDatabase("hirepipe-gateway");
            if (gateway.getCollection("recruiters").countDocuments(new org.bson.Document("_id", OTHER_USER)) == 0) {
                gateway.getCollection("tenants").insertOne(new org.bson.Document("_id", OTHER_TENANT)
                        .append("name", "Another company").append("createdAt", new Date()));
                gateway.getCollection("recruiters").insertOne(new org.bson.Document("_id", OTHER_USER)
                        .append("tenantId", OTHER_TENANT).append("email", "admin@" + OTHER_TENANT + ".example")
                        .append("role", "ADMIN").append("status", "ACTIVE").append("createdAt", new Date()));
            }
        }
        SUBJECTS.put(OTHER_TENANT, OTHER_USER);
    }

    private static String subjectOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode login() {
        return anonymous.post("/api/v1/auth/login", Map.of(
                "email", stack.demo().recruiterEmail(), "password", stack.demo().recruiterPassword())).expect(200);
    }

    private String invite(String name, String email) {
        return recruiter.post("/api/v1/invitations", Map.of("testId", testId,
                "candidate", Map.of("name", name, "email", email))).expect(201).get("id").asString();
    }

    /** A recruiter token as the gateway issues it, for {@code tenantId}, with {@code change} applied to its claims. */
    private String edgeToken(String tenantId, UnaryOperator<JWTClaimsSet.Builder> change) {
        return signed(edgeKey, tenantId, change);
    }

    private static String signed(byte[] key, String tenantId, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(claims(tenantId)).build());
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder claims(String tenantId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(EDGE_ISSUER)
                .audience(EDGE_AUDIENCE)
                .subject(SUBJECTS.getOrDefault(tenantId, "owasp-probe-" + tenantId))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("tenant", tenantId)
                .claim("kind", "RECRUITER")
                .claim("role", "ADMIN")
                .claim("email", "probe@" + tenantId + ".example");
    }

    /** The same header and signature over a payload that now names another tenant. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"tenant\":\"", "\"tenant\":\"x");
        return parts[0] + "." + base64Url(payload) + "." + parts[2];
    }

    private static String unsigned(String tenantId) {
        return base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(claims(tenantId).build().toString()) + ".";
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
