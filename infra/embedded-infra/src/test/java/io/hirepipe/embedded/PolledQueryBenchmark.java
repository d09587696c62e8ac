package io.hirepipe.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the services' periodic queries cost the local stack's file-backed MongoDB as data grows, in the shapes they
 * send: the session expiry sweep (every 5 s), the invitation expiry sweep (every 30 s), the email retrier's claim (every 5 s) and the webhook dispatcher's
 * claim (every 1 s), each as it was and as it is (asking also for the field only running sessions, retries or
 * deliveries awaiting an attempt hold); the gauges counting running sessions and pending webhooks (every 10 s when
 * scraped; a count is an aggregation), as they were and as they are; and scoring's check whether a session has a
 * result (once per submission; Spring Data's {@code exists} is a count by {@code _id}, also an aggregation). A few
 * documents are due or running, as in a load run; all others are finished. Not
 * part of {@code verify} (the class name does not match Surefire's patterns). Run it with:
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl infra/embedded-infra test -Dtest=PolledQueryBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Prints ms per query at 1,000 and 10,000 documents per collection ({@code -Dbenchmark.sizes=1000,10000}).
 */
class PolledQueryBenchmark {

    private static final List<Integer> SIZES = java.util.Arrays.stream(
            System.getProperty("benchmark.sizes", "1000,10000").split(",")).map(String::trim).map(Integer::valueOf).toList();
    private static final int RUNNING = 20;
    private static final int QUERIES = 20;
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void timesThePolledQueriesAsTheCollectionsGrow(@TempDir Path dir) {
        Map<String, List<Double>> table = new LinkedHashMap<>();
        for (int size : SIZES) {
            try (EmbeddedMongo mongo = EmbeddedMongo.start(0, dir.resolve("store-" + size + ".mv.db"));
                 MongoClient client = MongoClients.create(mongo.connectionString())) {
                var database = client.getDatabase("bench");
                MongoCollection<Document> invitations = database.getCollection("invitations");
                MongoCollection<Document> emails = database.getCollection("email_deliveries");
                MongoCollection<Document> webhooks = database.getCollection("webhook_deliveries");
                fill(invitations, emails, webhooks, size);

                Date cutoff = Date.from(NOW);
                Bson overdue = Filters.and(Filters.eq("status", "STARTED"), Filters.lt("session.deadline", cutoff));
                Bson openOverdue = Filters.and(Filters.exists("openSession"), Filters.eq("status", "STARTED"),
                        Filters.lt("session.deadline", cutoff));
                time(table, "expiry sweep, as it was", () -> sweep(invitations, overdue));
                time(table, "expiry sweep, openSession", () -> sweep(invitations, openOverdue));

                Bson expired = Filters.and(Filters.eq("status", "INVITED"), Filters.lte("expiresAt", cutoff),
                        Filters.exists("expiryAnnouncedAt", false));
                Bson expiredPending = Filters.and(Filters.exists("expiryPending"), Filters.eq("status", "INVITED"),
                        Filters.lte("expiresAt", cutoff), Filters.exists("expiryAnnouncedAt", false));
                time(table, "invitation expiry sweep, as it was", () -> expirySweep(invitations, expired));
                time(table, "invitation expiry sweep, expiryPending", () -> expirySweep(invitations, expiredPending));

                Bson due = Filters.and(Filters.eq("status", "RETRYING"), Filters.lte("nextAttemptAt", cutoff));
                Bson dueKept = Filters.and(Filters.exists("pendingMessage"), Filters.eq("status", "RETRYING"),
                        Filters.lte("nextAttemptAt", cutoff));
                time(table, "email retry claim, as it was", () -> claim(emails, due));
                time(table, "email retry claim, pendingMessage", () -> claim(emails, dueKept));

                Bson webhookDue = Filters.and(Filters.eq("status", "PENDING"), Filters.lte("nextAttemptAt", cutoff),
                        Filters.lte("leaseUntil", cutoff));
                Bson webhookDueAwaiting = Filters.and(Filters.exists("awaitingAttempt"), Filters.eq("status", "PENDING"),
                        Filters.lte("nextAttemptAt", cutoff), Filters.lte("leaseUntil", cutoff));
                time(table, "webhook claim, as it was", () -> claim(webhooks, webhookDue));
                time(table, "webhook claim, awaitingAttempt", () -> claim(webhooks, webhookDueAwaiting));

                time(table, "sessions gauge, as it was", () -> count(invitations, Filters.eq("status", "STARTED")));
                time(table, "sessions gauge, openSession", () -> count(invitations,
                        Filters.and(Filters.exists("openSession"), Filters.eq("status", "STARTED"))));
                time(table, "webhooks gauge, as it was", () -> count(webhooks, Filters.eq("status", "PENDING")));
                time(table, "webhooks gauge, awaitingAttempt", () -> count(webhooks,
                        Filters.and(Filters.exists("awaitingAttempt"), Filters.eq("status", "PENDING"))));
                time(table, "result exists (count by _id)", () -> (int) invitations.countDocuments(
                        Filters.eq("_id", "inv-unknown"), new CountOptions().limit(1)));
            }
        }
        System.out.printf(Locale.ROOT, "%nms per query (file-backed store, %d queries each)%n%-36s", QUERIES, "query");
        SIZES.forEach(size -> System.out.printf(Locale.ROOT, " %10s", String.format(Locale.ROOT, "%,d docs", size)));
        System.out.println();
        table.forEach((name, times) -> {
            System.out.printf(Locale.ROOT, "%-36s", name);
            times.forEach(ms -> System.out.printf(Locale.ROOT, " %10.2f", ms));
            System.out.println();
        });
    }

    /** Finished documents of realistic size, plus a few running sessions: nothing is overdue or due. */
    private static void fill(MongoCollection<Document> invitations, MongoCollection<Document> emails,
                             MongoCollection<Document> webhooks, int size) {
        List<Document> answers = new ArrayList<>();
        for (int q = 0; q < 9; q++) {
            answers.add(new Document("questionId", "q" + q).append("text", "an answer of some length ".repeat(12))
                    .append("sequence", 3));
        }
        Date later = Date.from(NOW.plus(Duration.ofHours(1)));
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            boolean running = i >= size - RUNNING;
            Document invitation = new Document("_id", "inv-" + i).append("tenantId", "t" + (i % 5))
                    .append("status", running ? "STARTED" : "SCORED")
                    .append("session", new Document("_id", "ses-" + i).append("deadline", later).append("answers", answers));
            if (running) {
                invitation.append("openSession", true);
            } else if (i < RUNNING) {
                // unstarted, not expired yet
                invitation.put("status", "INVITED");
                invitation.append("expiresAt", later).append("expiryPending", true);
            }
            batch.add(invitation);
        }
        invitations.insertMany(batch);
        batch.clear();
        for (int i = 0; i < size; i++) {
            boolean retrying = i >= size - RUNNING;
            Document email = new Document("_id", "dlv-" + i).append("tenantId", "t" + (i % 5))
                    .append("eventId", "e" + i).append("recipient", "c" + i + "@example.org")
                    .append("subject", "Your assessment").append("status", retrying ? "RETRYING" : "SENT");
            if (retrying) {
                email.append("nextAttemptAt", later).append("pendingMessage", "x".repeat(2000));
            }
            batch.add(email);
        }
        emails.insertMany(batch);
        batch.clear();
        for (int i = 0; i < size; i++) {
            boolean pending = i >= size - RUNNING;
            Document delivery = new Document("_id", "wh-" + i).append("subscriptionId", "s1").append("body", "{}".repeat(300))
                    .append("status", pending ? "PENDING" : "SUCCEEDED").append("nextAttemptAt", later)
                    .append("leaseUntil", Date.from(Instant.EPOCH));
            if (pending) {
                delivery.append("awaitingAttempt", true);
            }
            batch.add(delivery);
        }
        webhooks.insertMany(batch);
    }

    private static int sweep(MongoCollection<Document> invitations, Bson filter) {
        return invitations.find(filter).sort(Sorts.ascending("session.deadline")).limit(100).into(new ArrayList<>()).size();
    }

    private static int expirySweep(MongoCollection<Document> invitations, Bson filter) {
        return invitations.find(filter).sort(Sorts.ascending("expiresAt")).limit(200).into(new ArrayList<>()).size();
    }

    /** A claim that finds nothing due, as the pollers almost always do: nothing changes between runs. */
    private static int claim(MongoCollection<Document> collection, Bson filter) {
        Document claimed = collection.findOneAndUpdate(filter, Updates.inc("attempts", 1),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt")));
        return claimed == null ? 0 : 1;
    }

    /** A gauge's count, less the running or due documents: zero, as {@link #time} expects. */
    private static int count(MongoCollection<Document> collection, Bson filter) {
        return (int) collection.countDocuments(filter) - RUNNING;
    }

    private static void time(Map<String, List<Double>> table, String name, Supplier<Integer> query) {
        for (int i = 0; i < 3; i++) {
            assertThat(query.get()).as(name).isZero();
        }
        long start = System.nanoTime();
        for (int i = 0; i < QUERIES; i++) {
            query.get();
        }
        table.computeIfAbsent(name, unused -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6 / QUERIES);
    }
}
