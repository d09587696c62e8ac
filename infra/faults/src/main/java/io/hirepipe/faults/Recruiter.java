package io.hirepipe.faults;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo tenant's recruiter (the gateway creates it at start; the harness skips the demo data): signs in again before the 15-minute access
 * token ends, and writes the questions and tests the scenarios use.
 */
final class Recruiter {

    static final String EMAIL = "recruiter@demo.hirepipe.local";
    private static final String PASSWORD = "hirepipe-demo";

    private final Gateway anonymous;
    private final Gateway api;
    private String token;
    private Instant renewAt = Instant.MIN;

    Recruiter(URI gateway) {
        this.anonymous = new Gateway(gateway, Duration.ofMinutes(2), () -> null);
        this.api = new Gateway(gateway, Duration.ofMinutes(3), this::token);
    }

    Gateway api() {
        return api;
    }

    Gateway anonymous() {
        return anonymous;
    }

    private synchronized String token() {
        if (Instant.now().isAfter(renewAt)) {
            Gateway.Reply login = anonymous.post("/api/v1/auth/login", Map.of("email", EMAIL, "password", PASSWORD));
            if (!login.ok()) {
                throw new IllegalStateException("recruiter login failed: " + login.status() + " " + login.body());
            }
            token = login.body().get("token").asString();
            renewAt = Instant.now().plus(Duration.ofMinutes(10));
        }
        return token;
    }

    /** A published test of {@code count} single-choice questions whose right option is "a". */
    TestUnderLoad choiceTest(String title, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(publish(Gateway.map("kind", "SINGLE_CHOICE", "title", title + " q" + i,
                    "prompt", "Which option is right (" + i + ")?",
                    "options", List.of(Map.of("id", "a", "text", "This one"), Map.of("id", "b", "text", "Not this one")),
                    "correctOptionIds", List.of("a"), "points", 1)));
        }
        return new TestUnderLoad(createTest(title, ids), ids, false);
    }

    /** A published test of {@code count} free-text questions graded against one key point. */
    TestUnderLoad freeTextTest(String title, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(publish(Gateway.map("kind", "FREE_TEXT", "title", title + " q" + i,
                    "prompt", "Explain how a consumer stays idempotent (" + i + ").",
                    "rubric", Map.of("keyPoints", List.of(Map.of("id", "unique-key", "description", "Unique key per effect",
                            "phrases", List.of("unique key"), "points", 1))))));
        }
        return new TestUnderLoad(createTest(title, ids), ids, true);
    }

    private String publish(Map<String, Object> question) {
        Gateway.Reply created = api.post("/api/v1/questions", question);
        require(created, 201, "create question");
        String id = created.body().get("id").asString();
        require(api.post("/api/v1/questions/" + id + "/publish", Map.of()), 200, "publish question");
        return id;
    }

    private String createTest(String title, List<String> questionIds) {
        Gateway.Reply test = api.post("/api/v1/tests", Gateway.map("title", title, "durationMinutes", 120,
                "passMarkPercent", 50, "sections", List.of(Map.of("title", "All", "questionIds", questionIds))));
        require(test, 201, "create test");
        return test.body().get("id").asString();
    }

    static void require(Gateway.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + reply.status() + " " + reply.body());
        }
    }

    /** A test the candidates of a scenario take. */
    record TestUnderLoad(String id, List<String> questionIds, boolean freeText) {
    }
}
