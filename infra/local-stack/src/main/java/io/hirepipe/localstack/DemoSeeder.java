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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Seeds the demo tenant through the public API, as an administrator would: an API key, question-service's starter
 * bank, and the demo test of {@code seed/demo-test.json}, made of starter-bank questions named by title (so the demo
 * tenant holds each question once). Safe to run on every start: what exists is kept.
 */
final class DemoSeeder {

    /** The demo key may do everything a platform client can, so every example in the README works with it. */
    static final List<String> DEMO_KEY_SCOPES = List.of("questions:read", "questions:write", "invitations:read",
            "invitations:write", "results:read", "results:write", "notifications:read", "webhooks:manage",
            "integrations:greenhouse", "operations:manage");

    private static final String DEMO_TEST = "/seed/demo-test.json";
    /** How long a first start may take to install the starter bank on a busy machine. */
    private static final Duration INSTALL_WAIT = Duration.ofMinutes(5);
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
        installStarterBank();
        String testId = ensureDemoTest();
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

    private String ensureDemoTest() {
        ObjectNode test = (ObjectNode) readDemoTest();
        String title = test.get("title").asString();
        // Only a test with a published version can be invited to: a never-published draft of the same title (an
        // imported copy, say) is not the demo test. An edited demo test is a draft of its next version and still counts.
        String query = "/api/v1/tests?limit=500&q=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
        for (JsonNode existing : gateway.get(query).path("items")) {
            if (title.equals(existing.path("title").asString()) && existing.path("publishedVersion").isNumber()
                    && !"RETIRED".equals(existing.path("status").asString())) {
                return existing.get("id").asString();
            }
        }
        int questions = 0;
        for (JsonNode section : test.withArray("sections")) {
            var ids = ((ObjectNode) section).putArray("questionIds");
            for (JsonNode questionTitle : section.get("questionTitles")) {
                ids.add(publishedQuestionTitled(questionTitle.asString()));
                questions++;
            }
            ((ObjectNode) section).remove("questionTitles");
        }
        String testId = gateway.post("/api/v1/tests", test).get("id").asString();
        progress.accept("seeded the test '" + title + "' with " + questions + " starter-bank questions");
        return testId;
    }

    private String publishedQuestionTitled(String title) {
        String query = "/api/v1/questions?status=PUBLISHED&limit=100&q=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
        for (JsonNode question : gateway.get(query).path("items")) {
            if (title.equals(question.path("title").asString())) {
                return question.get("id").asString();
            }
        }
        throw new IllegalStateException("The starter bank has no published question titled '" + title + "'");
    }

    /** The starter bank and its three ready tests, through the API any tenant uses; installing again adds nothing. */
    private void installStarterBank() {
        JsonNode report = gateway.post("/api/v1/questions/starter-bank", Map.of());
        if (report.has("status")) {
            report = awaitInstalled();   // 202: still installing after the service's wait
        }
        int added = report.path("questionsInstalled").asInt();
        if (added > 0 || report.path("testsInstalled").asInt() > 0) {
            progress.accept("installed the starter bank: " + added + " questions and "
                    + report.path("testsInstalled").asInt() + " tests");
        }
    }

    /** The install's report once its status says it is done; the demo test needs its questions. */
    private JsonNode awaitInstalled() {
        long deadline = System.nanoTime() + INSTALL_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = gateway.get("/api/v1/questions/starter-bank/install");
            if ("INSTALLED".equals(status.path("status").asString())) {
                return status.path("report");
            }
            sleep(Duration.ofSeconds(2));
        }
        throw new IllegalStateException("The starter bank was not installed within " + INSTALL_WAIT.toMinutes() + " minutes");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the starter bank was installing", e);
        }
    }

    private static JsonNode readDemoTest() {
        try (InputStream in = DemoSeeder.class.getResourceAsStream(DEMO_TEST)) {
            if (in == null) {
                throw new IllegalStateException(DEMO_TEST + " is missing from the local-stack jar");
            }
            return GatewayClient.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
