package io.hirepipe.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file-backed store's time per operation, the library's H2 backend beside ours (IdPlannedH2Backend), in one
 * run; not part of {@code verify} (the class name does not match Surefire's patterns). Run it with:
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl infra/embedded-infra test -Dtest=EmbeddedMongoBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * A results-like collection with two unique indexes ({@code _id} and a compound one) and {@code -Dbenchmark.documents}
 * documents (3,000), a third of them with pending outbox events: inserts, updates by {@code _id} (an autosave), finds
 * by {@code _id} with a tenant, and the outbox relays' "which documents have pending events" query, first with a
 * third of the documents pending (the first 100 asked for), then with none pending, as the relays almost always
 * find it. Wall time
 * per operation from one client thread, so it includes the driver and loopback; read the ratios.
 */
class EmbeddedMongoBenchmark {

    private static final int DOCUMENTS = Integer.getInteger("benchmark.documents", 3000);

    @Test
    void comparesTheLibrarysBackendWithOurs(@TempDir Path dir) {
        List<String> lines = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            // the first round warms both up; the second is reported
            lines.clear();
            lines.add(run("library H2Backend", dir.resolve("library-" + round + ".mv.db"), H2Backend::new));
            lines.add(run("IdPlannedH2Backend", dir.resolve("ours-" + round + ".mv.db"), IdPlannedH2Backend::new));
        }
        System.out.printf(Locale.ROOT, "%n%d documents; ms per operation%n%-20s %8s %8s %8s %8s %8s%n", DOCUMENTS,
                "backend", "insert", "update", "find", "pending", "none");
        lines.forEach(System.out::println);
    }

    private static String run(String name, Path file, Function<String, MongoBackend> backend) {
        MongoServer server = new MongoServer(backend.apply(file.toString()));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> results = client.getDatabase("bench").getCollection("results");
            results.createIndex(Indexes.ascending("tenantId", "invitationId"), new IndexOptions().unique(true));
            long start = System.nanoTime();
            for (int i = 0; i < DOCUMENTS; i++) {
                Document result = new Document("_id", "session-" + i).append("tenantId", "t" + (i % 7))
                        .append("invitationId", "inv-" + i).append("answers", List.of(new Document("q", "a").append("text", "x".repeat(200))));
                result.append("outbox", i % 3 == 0 ? List.of(new Document("eventId", "e" + i)) : List.of());
                results.insertOne(result);
            }
            double insert = perOperation(start, DOCUMENTS);
            start = System.nanoTime();
            for (int i = 0; i < DOCUMENTS; i++) {
                results.updateOne(Filters.and(Filters.eq("_id", "session-" + i), Filters.eq("tenantId", "t" + (i % 7))),
                        Updates.set("answers.0.text", "y" + i));
            }
            double update = perOperation(start, DOCUMENTS);
            start = System.nanoTime();
            for (int i = 0; i < DOCUMENTS; i++) {
                assertThat(results.find(Filters.and(Filters.eq("_id", "session-" + i), Filters.eq("tenantId", "t" + (i % 7))))
                        .first()).isNotNull();
            }
            double find = perOperation(start, DOCUMENTS);
            Bson pending = Filters.and(Filters.exists("outbox.eventId"),
                    Filters.or(Filters.exists("lease", false), Filters.lt("lease", 0)));
            int queries = 50;
            start = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                assertThat(results.find(pending).projection(new Document("_id", 1)).limit(100).into(new ArrayList<>()))
                        .hasSize(100);
            }
            double query = perOperation(start, queries);
            // what the relays meet almost always: everything published, nothing pending
            results.updateMany(Filters.exists("outbox.eventId"), Updates.set("outbox", List.of()));
            start = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                assertThat(results.find(pending).projection(new Document("_id", 1)).limit(100).into(new ArrayList<>()))
                        .isEmpty();
            }
            double none = perOperation(start, queries);
            return String.format(Locale.ROOT, "%-20s %8.3f %8.3f %8.3f %8.3f %8.3f", name, insert, update, find, query,
                    none);
        } finally {
            server.shutdown();
        }
    }

    private static double perOperation(long startNanos, int operations) {
        return (System.nanoTime() - startNanos) / 1e6 / operations;
    }
}
