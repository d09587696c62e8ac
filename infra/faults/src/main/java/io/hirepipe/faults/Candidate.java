package io.hirepipe.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One candidate of a scenario, driven step by step through the gateway: invited by the recruiter, the
 * link's token exchanged, started, every question answered (autosave), submitted. Its name and email
 * are unique to the run, so its report email and result can be told from every other.
 */
final class Candidate {

    private final String name;
    private final String email;
    private final Recruiter.TestUnderLoad test;
    private String invitationId;
    private String invitationToken;
    private Gateway session;
    private String sessionId;
    private volatile boolean acknowledged;
    private volatile String failure;
    private final List<Duration> saves = Collections.synchronizedList(new ArrayList<>());

    Candidate(String runTag, String scenario, int index, Recruiter.TestUnderLoad test) {
        String id = scenario + runTag + String.format("%05d", index);
        this.name = "Fault " + id;
        this.email = id.toLowerCase() + "@faults.hirepipe.test";
        this.test = test;
    }

    String name() {
        return name;
    }

    String email() {
        return email;
    }

    String sessionId() {
        return sessionId;
    }

    boolean acknowledged() {
        return acknowledged;
    }

    String failure() {
        return failure;
    }

    List<Duration> saves() {
        return List.copyOf(saves);
    }

    /** Invites (idempotently: a retry replays the first answer), exchanges the token and starts. */
    boolean invite(Recruiter recruiter) {
        Gateway.Reply invited = recruiter.api().post("/api/v1/invitations", Gateway.map("testId", test.id(),
                "candidate", Map.of("name", name, "email", email)), UUID.randomUUID().toString());
        if (invited.status() != 201) {
            return fail("invite", invited);
        }
        invitationId = invited.body().get("id").asString();
        String link = invited.body().get("accessUrl").asString();
        invitationToken = link.substring(link.indexOf("#token=") + "#token=".length());
        return true;
    }

    boolean start(Recruiter recruiter) {
        Gateway.Reply exchanged = recruiter.anonymous().post("/api/v1/auth/candidate", Map.of("invitationToken", invitationToken));
        if (exchanged.status() != 200) {
            return fail("token exchange", exchanged);
        }
        session = recruiter.anonymous().as(exchanged.body().get("token").asString());
        Gateway.Reply started = session.post("/api/v1/candidate/assessment/start", Map.of());
        if (started.status() != 200) {
            return fail("start", started);
        }
        sessionId = started.body().get("sessionId").asString();
        return true;
    }

    /** Answers questions {@code from} (inclusive) to {@code to} (exclusive): right option, or {@code text}. */
    boolean answer(int from, int to, String text) {
        for (int i = from; i < Math.min(to, test.questionIds().size()); i++) {
            Map<String, Object> body = test.freeText()
                    ? Gateway.map("sequence", 1, "text", text)
                    : Gateway.map("sequence", 1, "selectedOptionIds", List.of("a"));
            Gateway.Reply saved = session.put("/api/v1/candidate/assessment/answers/" + test.questionIds().get(i), body);
            saves.add(saved.took());
            if (saved.status() != 200) {
                return fail("autosave", saved);
            }
        }
        return true;
    }

    boolean answerAll(String text) {
        return answer(0, test.questionIds().size(), text);
    }

    /**
     * Submits; 200 is the acknowledgement the candidate sees. A 409 on a retry means an earlier attempt
     * went through (the session is closed): that, too, is acknowledged.
     */
    boolean submit() {
        Gateway.Reply submitted = session.post("/api/v1/candidate/assessment/submit", Map.of());
        if (submitted.status() == 200 || submitted.status() == 409 && isAlreadySubmitted(submitted)) {
            acknowledged = true;
            return true;
        }
        return fail("submit", submitted);
    }

    /** The same submit sent {@code copies} more times at once, no retries: a double click, a client retry. */
    void submitAgain(int copies) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            Thread thread = new Thread(() -> session.once("POST", "/api/v1/candidate/assessment/submit", Map.of()));
            thread.start();
            threads.add(thread);
        }
        threads.forEach(thread -> {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    boolean takeWholeTest(Recruiter recruiter, String text) {
        return invite(recruiter) && start(recruiter) && answerAll(text) && submit();
    }

    private static boolean isAlreadySubmitted(Gateway.Reply reply) {
        return reply.body() != null && reply.body().toString().contains("submitted");
    }

    private boolean fail(String step, Gateway.Reply reply) {
        failure = step + ": " + reply.status() + " " + (reply.body() == null ? "(no answer)" : abbreviate(reply.body().toString()));
        return false;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
