package io.hirepipe.perf;

import io.hirepipe.stacklauncher.LocalStackProcess;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Prepares candidates through the public API, as a platform client and the candidates' browsers would:
 * bulk invitations with the demo API key, the link's token exchanged for a candidate token, the session
 * started and answered. Preparation is not measured; it runs before the scenario it serves.
 */
final class Candidates {

    /** A candidate ready for a scenario; {@code token} is the candidate token (bearer). */
    record Candidate(String name, String email, String invitationId, String token) {
    }

    /** What a candidate saves for one question: options for choice questions, text for free text. */
    record AnswerBody(String questionId, Map<String, Object> body) {
    }

    private static final int PARALLEL = 16;
    private static final int BULK_ROWS = 100;

    private final Api gateway;
    private final String apiKey;

    Candidates(Api gateway, String apiKey) {
        this.gateway = gateway;
        this.apiKey = apiKey;
    }

    /** Invites {@code count} candidates named {@code prefix-000001}… and exchanges their links for candidate tokens. */
    List<Candidate> invite(String testId, int count, String prefix, String recruiterEmail) {
        return invite(testId, count, prefix, recruiterEmail, PARALLEL);
    }

    /**
     * Before any parallel wave: {@code count} candidates taken one at a time through the token exchange and
     * the session start, so the services' first requests (interpreted code, empty caches, connections still
     * being set up) meet no burst that could open the gateway's breaker. Returns each start's latency in ms.
     */
    List<Long> warmUp(String testId, int count, String prefix, String recruiterEmail) {
        List<Long> startMillis = new ArrayList<>();
        for (Candidate candidate : invite(testId, count, prefix, recruiterEmail, 1)) {
            long started = System.nanoTime();
            gateway.post("/api/v1/candidate/assessment/start", "{}", "Authorization", Api.bearer(candidate.token()))
                    .expect(200);
            startMillis.add((System.nanoTime() - started) / 1_000_000);
        }
        return startMillis;
    }

    private List<Candidate> invite(String testId, int count, String prefix, String recruiterEmail, int parallelism) {
        List<String[]> invited = new ArrayList<>();   // name, email, invitationId, invitation token
        List<Map<String, Object>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format("%s-%06d", prefix, i);
            pending.add(Map.of("testId", testId, "recruiterEmail", recruiterEmail,
                    "candidate", Map.of("name", name, "email", name.toLowerCase() + "@perf.hirepipe.test")));
        }
        // a row refused because a service was briefly unavailable (a shared machine) is invited again
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<Map<String, Object>> retry = new ArrayList<>();
            // 100 rows a request: on a cold, shared machine 500 took longer than the gateway's time limit
            for (int from = 0; from < pending.size(); from += BULK_ROWS) {
                List<Map<String, Object>> rows = pending.subList(from, Math.min(pending.size(), from + BULK_ROWS));
                JsonNode result = gateway.post("/api/v1/invitations/bulk", Map.of("invitations", rows), "X-Api-Key", apiKey,
                        "Idempotency-Key", java.util.UUID.randomUUID().toString()).expect(200).json();
                for (JsonNode row : result.get("rows")) {
                    Map<String, Object> request = rows.get(row.get("index").asInt());
                    if (!"INVITED".equals(row.path("outcome").asString())) {
                        if (row.path("problem").path("status").asInt() < 500 || attempt == 4) {
                            throw new IllegalStateException("Invitation refused: " + row);
                        }
                        retry.add(request);
                        continue;
                    }
                    String url = row.get("accessUrl").asString();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> candidate = (Map<String, Object>) request.get("candidate");
                    invited.add(new String[]{(String) candidate.get("name"), (String) candidate.get("email"),
                            row.get("invitationId").asString(), url.substring(url.indexOf("#token=") + 7)});
                }
            }
            pending = retry;
            if (!pending.isEmpty()) {
                LocalStackProcess.sleep(java.time.Duration.ofMillis(2_000L * attempt));
            }
        }
        return parallel(invited, parallelism, row -> new Candidate(row[0], row[1], row[2],
                gateway.post("/api/v1/auth/candidate", Map.of("invitationToken", row[3])).expect(200, 201).json()
                        .get("token").asString()));
    }

    /** Starts every candidate's session; returns the first session's view (its questions). */
    JsonNode start(List<Candidate> candidates) {
        List<JsonNode> sessions = parallel(candidates, PARALLEL, candidate -> gateway.post("/api/v1/candidate/assessment/start",
                "{}", "Authorization", Api.bearer(candidate.token())).expect(200).json());
        return sessions.get(0);
    }

    void answer(List<Candidate> candidates, List<AnswerBody> answers) {
        parallel(candidates, PARALLEL, candidate -> {
            for (AnswerBody answer : answers) {
                Map<String, Object> body = new LinkedHashMap<>(answer.body());
                body.put("sequence", 1);
                gateway.put("/api/v1/candidate/assessment/answers/" + answer.questionId(), body,
                        "Authorization", Api.bearer(candidate.token())).expect(200);
            }
            return candidate;
        });
    }

    static <T, R> List<R> parallel(List<T> items, int parallelism, Function<T, R> task) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Preparing candidates failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
