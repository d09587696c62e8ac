package io.hirepipe.faults;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * R1–R10 of issue 11. Each runs candidates through the gateway from this process while a real fault hits
 * the stack (through its fault control), then counts the effects at the edges. Every wait is bounded.
 */
final class Scenarios {

    private static final String SHORT_TEXT = "Each effect is stored under a unique key, so a redelivered event changes nothing.";

    /** One client for every metrics read (a new one per read kept a selector thread and a connection each). */
    private static final HttpClient METRICS_CLIENT = HttpClient.newHttpClient();
    private final StackUnderTest stack;
    private final Recruiter recruiter;
    private final Edges edges;
    private final WebhookReceiver webhooks;
    private final HarnessOptions options;
    private final String runTag;

    Scenarios(StackUnderTest stack, Recruiter recruiter, WebhookReceiver webhooks, HarnessOptions options) {
        this.stack = stack;
        this.recruiter = recruiter;
        this.webhooks = webhooks;
        this.edges = new Edges(stack, recruiter, null);
        this.options = options;
        this.runTag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    }

    ScenarioResult run(String id) {
        return switch (id) {
            case "R1" -> r1KillScoring();
            case "R2" -> r2KillAssessmentBeforePublish();
            case "R3" -> r3Poison();
            case "R4" -> r4Redis();
            case "R5" -> r5SmtpDown();
            case "R6" -> r6Webhooks();
            case "R7" -> r7KafkaDown();
            case "R8" -> r8Duplicates();
            case "R9" -> r9LongAnswers();
            case "R10" -> r10KillOneOfTwo();
            default -> throw new IllegalArgumentException("no scenario " + id);
        };
    }

    private ScenarioResult r1KillScoring() {
        int n = options.sessions("R1");
        String fault = "kill -9 scoring-service at 30 % of the load, restarted 5 s later";
        Cohort cohort = cohort("R1", n, recruiter.choiceTest("R1 " + runTag, 3));
        Future<?> load = cohort.startInBackground(c -> c.takeWholeTest(recruiter, SHORT_TEXT));
        awaitAcknowledged(cohort, n * 3 / 10);
        List<ScenarioResult.Check> checks = new ArrayList<>();
        checks.add(note(stack.control("/services/scoring-service/kill") + " with " + cohort.acknowledged() + " submissions acknowledged"));
        StackUnderTest.sleep(Duration.ofSeconds(5));
        checks.add(note(stack.control("/services/scoring-service/start")));
        Instant faultEnd = Instant.now();
        cohort.await(load);
        return finish("R1", fault, n + " sessions, " + options.concurrency() + " at a time", cohort, faultEnd,
                effectsTimeout(n), checks);
    }

    private ScenarioResult r2KillAssessmentBeforePublish() {
        int n = options.sessions("R2");
        String fault = "Kafka broker stopped, so every submit is stored with its event still in the outbox; "
                + "kill -9 assessment-service; broker started; assessment-service restarted";
        Cohort cohort = cohort("R2", n, recruiter.choiceTest("R2 " + runTag, 3));
        List<ScenarioResult.Check> checks = new ArrayList<>();
        stack.control("/kafka/stop");
        try {
            cohort.runAll(c -> c.takeWholeTest(recruiter, SHORT_TEXT));
        } finally {
            checks.add(note(stack.control("/services/assessment-service/kill") + " with " + cohort.acknowledged()
                    + " submissions acknowledged and unpublished"));
            stack.control("/kafka/start");
        }
        checks.add(note(stack.control("/services/assessment-service/start")));
        Instant faultEnd = Instant.now();
        return finish("R2", fault, n + " sessions submitted while their events could not be published", cohort, faultEnd,
                effectsTimeout(n), checks);
    }

    private ScenarioResult r3Poison() {
        int n = options.sessions("R3");
        String marker = "poison-" + runTag;
        String fault = "a record that is not an event on every partition of each of the four topics, mid-load";
        Cohort cohort = cohort("R3", n, recruiter.choiceTest("R3 " + runTag, 3));
        Future<?> load = cohort.startInBackground(c -> c.takeWholeTest(recruiter, SHORT_TEXT));
        awaitAcknowledged(cohort, Math.max(1, n / 5));
        KafkaTool kafka = new KafkaTool(stack.kafkaBootstrap());
        List<ScenarioResult.Check> checks = new ArrayList<>();
        Instant poisoned = Instant.now();
        Map<String, Integer> written = new java.util.LinkedHashMap<>();
        for (String topic : KafkaTool.TOPICS) {
            written.put(topic, kafka.poison(topic, marker));
        }
        Instant faultEnd = Instant.now();
        Map<String, List<KafkaTool.DeadLetter>> parked = new java.util.LinkedHashMap<>();
        for (String topic : KafkaTool.TOPICS) {
            List<KafkaTool.DeadLetter> dead = awaitDeadLetters(kafka, topic, marker, written.get(topic));
            parked.put(topic, dead);
            // every service that consumes the topic parks its own copy: 3 written can be 9 parked
            checks.add(new ScenarioResult.Check(String.format("%s: %d poison records written, %d parked on %s.DLT (a copy "
                            + "from each consuming service) within %.1f s of writing",
                    topic, written.get(topic), dead.size(), topic, seconds(Duration.between(poisoned, Instant.now()))),
                    dead.size() >= written.get(topic)));
            List<KafkaTool.DeadLetter> unexplained = dead.stream()
                    .filter(letter -> !topic.equals(letter.originalTopic()) || letter.error() == null).toList();
            checks.add(new ScenarioResult.Check(topic + ".DLT: every parked poison record names its original topic, "
                    + "partition and offset and the error (kafka_dlt-* headers), e.g. \""
                    + dead.stream().findFirst().map(KafkaTool.DeadLetter::error).map(e -> e.length() > 120 ? e.substring(0, 120) + "…" : e)
                    .orElse("-") + "\"", !dead.isEmpty() && unexplained.isEmpty()));
        }
        // Replayable with the tool: a poison record names no tenant (it is not an event), so scoring's replay
        // endpoint (a tenant's own dead letters) never shows it; the operator replays it with Kafka tooling.
        // Replayed, it fails the same way and is parked again without blocking its partition.
        KafkaTool.DeadLetter replayed = parked.get("hirepipe.submissions.v1").stream().findFirst().orElse(null);
        if (replayed != null) {
            int before = parked.get("hirepipe.submissions.v1").size();
            Instant replayedAt = Instant.now();
            kafka.replay(replayed);
            int after = awaitDeadLetters(kafka, "hirepipe.submissions.v1", marker, before + 1).size();
            checks.add(new ScenarioResult.Check(String.format("replayed %s:%d:%d to %s with Kafka tooling: parked again "
                            + "within %.1f s (%d → %d on the DLT)", replayed.topic(), replayed.partition(), replayed.offset(),
                    replayed.originalTopic(), seconds(Duration.between(replayedAt, Instant.now())), before, after), after > before));
        }
        cohort.await(load);
        Gateway.Reply listed = recruiter.api().get("/api/v1/operations/scoring/dead-letters?limit=500");
        long listedPoison = listed.ok() ? java.util.stream.StreamSupport.stream(listed.body().path("items").spliterator(), false)
                .filter(item -> item.path("key").asString("").startsWith("poison-")).count() : -1;
        checks.add(new ScenarioResult.Check("note (gap): GET /api/v1/operations/scoring/dead-letters answered " + listed.status()
                + " listing " + listedPoison + " of the poison records: the endpoint shows a tenant its own dead letters, and "
                + "a record that is not an event names no tenant; such records are for the platform operator's Kafka tooling", true));
        return finish("R3", fault, n + " sessions, " + options.concurrency() + " at a time", cohort, faultEnd,
                effectsTimeout(n), checks);
    }

    private ScenarioResult r4Redis() {
        int n = options.sessions("R4");
        Duration outage = options.redisOutage();
        String fault = "Redis FLUSHALL mid-session, then Redis stopped for " + outage.toSeconds() + " s while candidates save";
        Recruiter.TestUnderLoad test = recruiter.choiceTest("R4 " + runTag, 9);
        Cohort cohort = cohort("R4", n, test);
        cohort.runAll(c -> c.invite(recruiter) && c.start(recruiter) && c.answer(0, 3, null));
        stack.control("/redis/flushall");
        cohort.runAll(c -> c.answer(3, 6, null));
        stack.control("/redis/stop");
        Instant stopped = Instant.now();
        List<Duration> duringOutage = Collections.synchronizedList(new ArrayList<>());
        cohort.runAll(c -> {
            int before = c.saves().size();
            boolean ok = c.answer(6, 9, null);
            duringOutage.addAll(c.saves().subList(before, c.saves().size()));
            return ok;
        });
        Duration left = outage.minus(Duration.between(stopped, Instant.now()));
        if (!left.isNegative()) {
            StackUnderTest.sleep(left);
        }
        stack.control("/redis/start");
        Instant faultEnd = Instant.now();
        cohort.runAll(Candidate::submit);
        Duration p99 = percentile(duringOutage, 0.99);
        Duration bound = Duration.ofSeconds(2);
        List<ScenarioResult.Check> checks = new ArrayList<>();
        checks.add(new ScenarioResult.Check(String.format("autosave while Redis was down: %d saves, p99 %d ms, max %d ms (bound %d ms)",
                duringOutage.size(), p99.toMillis(), percentile(duringOutage, 1.0).toMillis(), bound.toMillis()),
                p99.compareTo(bound) <= 0));
        ScenarioResult result = finish("R4", fault, n + " sessions of 9 answers", cohort, faultEnd, effectsTimeout(n), checks);
        long full = edges.resultRows(test.id()).stream().filter(row -> row.path("percent").asDouble(0) >= 100.0).count();
        checks.add(new ScenarioResult.Check("results with all 9 answers right (none lost): " + full + " of "
                + result.count().expected(), full == result.count().expected()));
        return result;
    }

    private ScenarioResult r5SmtpDown() {
        int n = options.sessions("R5");
        Duration outage = options.smtpOutage();
        String fault = "SMTP listener stopped for " + outage.toSeconds() + " s while invitations and reports are sent";
        Cohort cohort = cohort("R5", n, recruiter.choiceTest("R5 " + runTag, 3));
        double failedBefore = metricSum("notification", "hirepipe_notification_emails_total", "outcome=\"failed\"");
        int mailBefore = stack.mail().size();
        stack.control("/smtp/stop");
        Instant stopped = Instant.now();
        List<ScenarioResult.Check> checks = new ArrayList<>();
        try {
            cohort.runAll(c -> c.takeWholeTest(recruiter, SHORT_TEXT));
            Duration left = outage.minus(Duration.between(stopped, Instant.now()));
            if (!left.isNegative()) {
                StackUnderTest.sleep(left);
            }
            int mailDuring = stack.mail().size() - mailBefore;
            double failed = metricSum("notification", "hirepipe_notification_emails_total", "outcome=\"failed\"") - failedBefore;
            checks.add(new ScenarioResult.Check("while SMTP was down: " + mailDuring + " mails arrived, " + (long) failed
                    + " sends failed and were kept for retry (hirepipe_notification_emails_total{outcome=failed})",
                    mailDuring == 0 && failed > 0));
        } finally {
            stack.control("/smtp/start");
        }
        Instant faultEnd = Instant.now();
        Duration down = Duration.between(stopped, faultEnd);
        // durable retries back off from 30 s, doubling: the next one after the return may be up to the outage away
        return finish("R5", fault.replace(outage.toSeconds() + " s", down.toSeconds() + " s"), n + " sessions during the outage",
                cohort, faultEnd, effectsTimeout(n).plus(down.multipliedBy(2)).plus(Duration.ofMinutes(1)), checks);
    }

    private ScenarioResult r6Webhooks() {
        int n = options.sessions("R6");
        String fault = "webhook receiver answering 500, then hanging (no answer), then healthy";
        Gateway.Reply subscribed = recruiter.api().post("/api/v1/notifications/webhooks", Map.of(
                "url", webhooks.url().toString(), "eventTypes", List.of("assessment.scored"), "description", "fault harness R6"));
        Recruiter.require(subscribed, 201, "subscribe webhook");
        String subscriptionId = subscribed.body().get("id").asString();
        Recruiter.TestUnderLoad test = recruiter.choiceTest("R6 " + runTag, 3);
        Cohort cohort = cohort("R6", n, test);
        List<ScenarioResult.Check> checks = new ArrayList<>();
        try {
            webhooks.mode(WebhookReceiver.Mode.FAIL);
            cohort.runAll(c -> c.takeWholeTest(recruiter, SHORT_TEXT));
            Edges.Count whileFailing = edges.await(test.id(), cohort.candidates(), effectsTimeout(n), Duration.ZERO);
            checks.add(new ScenarioResult.Check("while the receiver fails, results and report emails go on: "
                    + whileFailing.results() + " results, " + whileFailing.reports() + " emails of " + whileFailing.expected()
                    + "; " + webhooks.refused() + " deliveries refused", whileFailing.complete() && webhooks.refused() > 0));
            webhooks.mode(WebhookReceiver.Mode.HANG);
            StackUnderTest.sleep(Duration.ofSeconds(20));
        } finally {
            webhooks.mode(WebhookReceiver.Mode.OK);
        }
        Instant faultEnd = Instant.now();
        Edges withHooks = new Edges(stack, recruiter, webhooks);
        // retries at 5 s, 1 min, 5 min after the first attempt: the 1-minute one lands after the receiver heals
        Edges.Count count = withHooks.await(test.id(), cohort.candidates(), Duration.ofMinutes(7), options.settle());
        recruiter.api().once("DELETE", "/api/v1/notifications/webhooks/" + subscriptionId, null);
        return result("R6", fault, n + " sessions, webhook on assessment.scored", cohort, faultEnd, count, checks);
    }

    private ScenarioResult r7KafkaDown() {
        int n = options.sessions("R7");
        Duration outage = options.kafkaOutage();
        String fault = "Kafka broker stopped for " + outage.toSeconds() + " s at 30 % of the load, then started";
        Cohort cohort = cohort("R7", n, recruiter.choiceTest("R7 " + runTag, 3));
        Future<?> load = cohort.startInBackground(c -> c.takeWholeTest(recruiter, SHORT_TEXT));
        awaitAcknowledged(cohort, n * 3 / 10);
        stack.control("/kafka/stop");
        try {
            StackUnderTest.sleep(outage);
        } finally {
            stack.control("/kafka/start");
        }
        Instant faultEnd = Instant.now();
        cohort.await(load);
        return finish("R7", fault, n + " sessions, " + options.concurrency() + " at a time", cohort, faultEnd,
                effectsTimeout(n), List.of());
    }

    private ScenarioResult r8Duplicates() {
        int n = options.sessions("R8");
        String fault = "every submit sent 3 more times at once; then every AssessmentSubmitted and results event "
                + "of the scenario written to Kafka again";
        Cohort cohort = cohort("R8", n, recruiter.choiceTest("R8 " + runTag, 3));
        cohort.runAll(c -> {
            boolean ok = c.takeWholeTest(recruiter, SHORT_TEXT);
            if (ok) {
                c.submitAgain(3);
            }
            return ok;
        });
        // redeliver once the first copies went through, so the second copies meet a stored effect
        edges.await(cohort.test().id(), cohort.candidates(), effectsTimeout(n), Duration.ZERO);
        Set<String> sessions = cohort.candidates().stream().map(Candidate::sessionId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        KafkaTool kafka = new KafkaTool(stack.kafkaBootstrap());
        int submissions = kafka.redeliver("hirepipe.submissions.v1", sessions);
        int results = kafka.redeliver("hirepipe.results.v1", sessions);
        Instant faultEnd = Instant.now();
        List<ScenarioResult.Check> checks = List.of(new ScenarioResult.Check(
                "redelivered " + submissions + " submission and " + results + " results records", submissions >= sessions.size()));
        // the redelivered records consumed (offsets committed past them), then the settle for a late second email
        checks = new ArrayList<>(checks);
        checks.add(new ScenarioResult.Check("scoring-service consumed the redelivered submissions, notification-service the "
                + "redelivered results", kafka.awaitConsumed("hirepipe.submissions.v1", "scoring-service", effectsTimeout(n))
                && kafka.awaitConsumed("hirepipe.results.v1", "notification-service", effectsTimeout(n))));
        Edges.Count count = edges.await(cohort.test().id(), cohort.candidates(), effectsTimeout(n),
                options.settle().multipliedBy(2));
        return result("R8", fault, n + " sessions", cohort, faultEnd, count, checks);
    }

    private ScenarioResult r9LongAnswers() {
        int n = options.sessions("R9");
        String fault = "sessions of 20 free-text answers of 20,000 characters each (400,000 characters)";
        Recruiter.TestUnderLoad test = recruiter.freeTextTest("R9 " + runTag, 20);
        Cohort cohort = cohort("R9", n, test);
        String text = longText(20_000);
        Instant start = Instant.now();
        cohort.runAll(c -> c.takeWholeTest(recruiter, text));
        List<ScenarioResult.Check> checks = new ArrayList<>();
        ScenarioResult result = finish("R9", fault, n + " sessions", cohort, start, effectsTimeout(n).plusMinutes(3), checks);
        double parked = metricSum("assessment", "hirepipe_outbox_parked_total")
                + metricSum("scoring", "hirepipe_outbox_parked_total");
        checks.add(new ScenarioResult.Check("no outbox event parked (hirepipe_outbox_parked_total, assessment + scoring): "
                + (long) parked, parked == 0));
        return result;
    }

    private ScenarioResult r10KillOneOfTwo() {
        int n = options.sessions("R10");
        String fault = "--instances 2: kill -9 the first instance of each service at 30 % of the load (left down)";
        if (stack.instances() < 2) {
            throw new IllegalStateException("R10 needs the stack started with --instances 2");
        }
        Cohort cohort = cohort("R10", n, recruiter.choiceTest("R10 " + runTag, 3));
        Future<?> load = cohort.startInBackground(c -> c.takeWholeTest(recruiter, SHORT_TEXT));
        awaitAcknowledged(cohort, n * 3 / 10);
        List<ScenarioResult.Check> checks = new ArrayList<>();
        for (String service : List.of("question-service", "assessment-service", "scoring-service", "notification-service")) {
            checks.add(note(stack.control("/services/" + service + "/kill")));
        }
        Instant faultEnd = Instant.now();
        cohort.await(load);
        return finish("R10", fault, n + " sessions, " + options.concurrency() + " at a time", cohort, faultEnd,
                effectsTimeout(n).plusMinutes(2), checks);
    }

    // ---------------------------------------------------------------------------------------------

    private Cohort cohort(String scenario, int n, Recruiter.TestUnderLoad test) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            candidates.add(new Candidate(runTag, scenario, i, test));
        }
        return new Cohort(candidates, test, options.concurrency(), options.loadTimeout());
    }

    private ScenarioResult finish(String id, String fault, String load, Cohort cohort, Instant faultEnd, Duration timeout,
                                  List<ScenarioResult.Check> checks) {
        Edges.Count count = edges.await(cohort.test().id(), cohort.candidates(), timeout, options.settle());
        return result(id, fault, load, cohort, faultEnd, count, checks);
    }

    private ScenarioResult result(String id, String fault, String load, Cohort cohort, Instant faultEnd,
                                         Edges.Count count, List<ScenarioResult.Check> checks) {
        Duration recovery = null;
        if (count.complete()) {
            Instant allSeen = Instant.now().minus(options.settle());
            recovery = Duration.between(faultEnd, allSeen).isNegative() ? Duration.ZERO : Duration.between(faultEnd, allSeen);
        }
        List<String> failures = cohort.candidates().stream().filter(c -> c.failure() != null)
                .map(c -> c.name() + ": " + c.failure()).toList();
        return new ScenarioResult(id, fault, load, cohort.candidates().size(), count, recovery, checks, failures);
    }

    private static List<KafkaTool.DeadLetter> awaitDeadLetters(KafkaTool kafka, String topic, String marker, int expected) {
        Instant deadline = Instant.now().plusSeconds(60);
        List<KafkaTool.DeadLetter> dead = kafka.deadLetters(topic, marker);
        while (dead.size() < expected && Instant.now().isBefore(deadline)) {
            StackUnderTest.sleep(Duration.ofSeconds(1));
            dead = kafka.deadLetters(topic, marker);
        }
        return dead;
    }

    private void awaitAcknowledged(Cohort cohort, int count) {
        Instant deadline = Instant.now().plus(options.loadTimeout());
        while (cohort.acknowledged() < count && Instant.now().isBefore(deadline) && !cohort.done()) {
            StackUnderTest.sleep(Duration.ofMillis(250));
        }
    }

    /** Time for the pipeline to catch up after a fault: a minute, plus a second per 5 sessions. */
    private static Duration effectsTimeout(int sessions) {
        return Duration.ofMinutes(2).plusSeconds(sessions / 5);
    }

    private double metricSum(String service, String name) {
        return metricSum(service, name, "");
    }

    /** The sum of a Prometheus metric's series whose line contains {@code labelFilter}, read from the service itself. */
    private double metricSum(String service, String name, String labelFilter) {
        try {
            HttpResponse<String> response = METRICS_CLIENT.send(
                    HttpRequest.newBuilder(stack.metrics(service)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body().lines().filter(line -> line.startsWith(name) && line.contains(labelFilter))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static ScenarioResult.Check note(String what) {
        return new ScenarioResult.Check("note: " + what, true);
    }

    static Duration percentile(List<Duration> durations, double p) {
        if (durations.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static String longText(int characters) {
        StringBuilder text = new StringBuilder(characters);
        String sentence = "Every effect is stored under a unique key so that a redelivered event changes nothing. ";
        while (text.length() < characters) {
            text.append(sentence);
        }
        return text.substring(0, characters);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** The candidates of one scenario and a bounded pool that drives them. */
    static final class Cohort {

        private final List<Candidate> candidates;
        private final Recruiter.TestUnderLoad test;
        private final int concurrency;
        private final Duration timeout;

        Cohort(List<Candidate> candidates, Recruiter.TestUnderLoad test, int concurrency, Duration timeout) {
            this.candidates = candidates;
            this.test = test;
            this.concurrency = concurrency;
            this.timeout = timeout;
        }

        List<Candidate> candidates() {
            return candidates;
        }

        Recruiter.TestUnderLoad test() {
            return test;
        }

        long acknowledged() {
            return candidates.stream().filter(Candidate::acknowledged).count();
        }

        private volatile boolean done;

        boolean done() {
            return done;
        }

        /** {@code step} for every candidate that has not failed yet, {@code concurrency} at a time; bounded. */
        void runAll(Predicate<Candidate> step) {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            try {
                for (Candidate candidate : candidates) {
                    if (candidate.failure() == null) {
                        pool.submit(() -> step.test(candidate));
                    }
                }
                pool.shutdown();
                if (!pool.awaitTermination(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("load did not finish within " + timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                pool.shutdownNow();
            }
        }

        Future<?> startInBackground(Predicate<Candidate> step) {
            ExecutorService runner = Executors.newSingleThreadExecutor();
            Future<?> future = runner.submit(() -> {
                try {
                    runAll(step);
                } finally {
                    done = true;
                }
            });
            runner.shutdown();
            return future;
        }

        void await(Future<?> load) {
            try {
                load.get(timeout.toSeconds() + 30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("load failed: " + e, e);
            }
        }
    }
}
