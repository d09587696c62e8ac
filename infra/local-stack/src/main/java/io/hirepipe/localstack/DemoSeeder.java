package io.hirepipe.localstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Seeds the demo tenant through the public API, as a recruiter would: an API key, the question bank
 * from {@code seed/question-bank.json} (published), the demo test, and question-service's starter bank. Safe to run on every start:
 * what exists is kept.
 */
final class DemoSeeder {

    /** The demo key may do everything a platform client can, so every example in the README works with it. */
    static final List<String> DEMO_KEY_SCOPES = List.of("questions:read", "questions:write", "invitations:read",
            "invitations:write", "results:read", "results:write", "notifications:read", "webhooks:manage",
            "integrations:greenhouse", "operations:manage");

    private static final String BANK = "/seed/question-bank.json";
    private static final String API_KEY_FILE = "demo-api-key.txt";

    private final GatewayClient gateway;
    private final Path dataDir;
    private final Consumer<String> progress;

    DemoSeeder(URI gatewayUrl, Path dataDir, Consumer<String> progress) {
        this.gateway = new GatewayClient(gatewayUrl);
        this.dataDir = dataDir;
        this.progress = progress;
    }

    DemoAccess seed() {
        JsonNode login = gateway.post("/api/v1/auth/login", Map.of(
                "email", DemoAccess.RECRUITER_EMAIL, "password", DemoAccess.RECRUITER_PASSWORD));
        gateway.useBearer(login.get("token").asString());
        String apiKey = ensureApiKey();
        String testId = ensureQuestionBankAndTest();
        installStarterBank();
        return new DemoAccess(DemoAccess.TENANT_ID, DemoAccess.RECRUITER_EMAIL, DemoAccess.RECRUITER_PASSWORD,
                apiKey, testId);
    }

    /**
     * A fresh invitation to the demo test on every start (the last one may have been used up), so
     * there is always a link to click. Its token appears only in the returned link, which the
     * command prints to the terminal; the services log neither. A candidate has one active
     * invitation per test, so the previous start's unused one is revoked first; one the candidate
     * left running holds the address until its deadline, and then a dated address is invited.
     */
    String inviteDemoCandidate(String testId) {
        for (JsonNode previous : gateway.get("/api/v1/invitations?status=INVITED&limit=200&testId=" + testId)
                .path("items")) {
            if (DemoAccess.CANDIDATE_EMAIL.equalsIgnoreCase(previous.path("candidate").path("email").asString())) {
                gateway.post("/api/v1/invitations/" + previous.get("id").asString() + "/revoke",
                        Map.of("reason", "A new demo link was issued at start-up"));
            }
        }
        JsonNode created = gateway.postUnlessConflict("/api/v1/invitations", demoInvitation(testId,
                        DemoAccess.CANDIDATE_EMAIL))
                .orElseGet(() -> gateway.post("/api/v1/invitations", demoInvitation(testId,
                        DemoAccess.CANDIDATE_EMAIL.replace("@", "+" + System.currentTimeMillis() / 1000 + "@"))));
        return created.get("accessUrl").asString();
    }

    private static Map<String, Object> demoInvitation(String testId, String email) {
        return Map.of("testId", testId, "candidate", Map.of("name", DemoAccess.CANDIDATE_NAME, "email", email));
    }

    private String ensureApiKey() {
        Path file = dataDir.resolve(API_KEY_FILE);
        try {
            if (Files.exists(file)) {
                String existing = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (gateway.statusOf("/api/v1/questions?limit=1", existing) == 200) {
                    return existing;
                }
            }
            String key = gateway.post("/api/v1/api-keys", Map.of("name", "demo", "scopes", DEMO_KEY_SCOPES)).get("key").asString();
            Files.writeString(file, key + System.lineSeparator(), StandardCharsets.UTF_8);
            progress.accept("created a demo API key");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the demo API key in " + file, e);
        }
    }

    private String ensureQuestionBankAndTest() {
        JsonNode bank = readBank();
        String title = bank.get("test").get("title").asString();
        // Only a test with a published version can be invited to: a never-published draft of the same title (an
        // imported copy, say) is not the demo test. An edited demo test is a draft of its next version and still counts.
        String query = "/api/v1/tests?limit=500&q=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
        for (JsonNode test : gateway.get(query).path("items")) {
            if (title.equals(test.path("title").asString()) && test.path("publishedVersion").isNumber()
                    && !"RETIRED".equals(test.path("status").asString())) {
                return test.get("id").asString();
            }
        }
        Map<String, String> idsByKey = new HashMap<>();
        for (JsonNode question : bank.get("questions")) {
            ObjectNode body = (ObjectNode) question.deepCopy();
            String key = body.remove("key").asString();
            String id = gateway.post("/api/v1/questions", body).get("id").asString();
            gateway.post("/api/v1/questions/" + id + "/publish", Map.of());
            idsByKey.put(key, id);
        }
        ObjectNode test = (ObjectNode) bank.get("test").deepCopy();
        for (JsonNode section : test.withArray("sections")) {
            var ids = ((ObjectNode) section).putArray("questionIds");
            section.get("questionKeys").forEach(key -> ids.add(idsByKey.get(key.asString())));
            ((ObjectNode) section).remove("questionKeys");
        }
        String testId = gateway.post("/api/v1/tests", test).get("id").asString();
        progress.accept("seeded " + idsByKey.size() + " questions and the test '" + title + "'");
        return testId;
    }

    /** The starter bank and its three ready tests, through the API any tenant uses; installing again adds nothing. */
    private void installStarterBank() {
        JsonNode report = gateway.post("/api/v1/questions/starter-bank", Map.of());
        int added = report.path("questionsInstalled").asInt();
        if (added > 0 || report.path("testsInstalled").asInt() > 0) {
            progress.accept("installed the starter bank: " + added + " questions and "
                    + report.path("testsInstalled").asInt() + " tests");
        }
    }

    private static JsonNode readBank() {
        try (InputStream in = DemoSeeder.class.getResourceAsStream(BANK)) {
            if (in == null) {
                throw new IllegalStateException(BANK + " is missing from the local-stack jar");
            }
            return GatewayClient.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
