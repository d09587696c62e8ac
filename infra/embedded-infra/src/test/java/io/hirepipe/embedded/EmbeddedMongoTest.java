package io.hirepipe.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @Test
    void storesAndFindsDocumentsInMemory() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, null);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> candidates = client.getDatabase("hiring").getCollection("candidates");

            candidates.insertOne(new Document("email", "ada@example.org").append("name", "Ada"));
            candidates.insertOne(new Document("email", "alan@example.org").append("name", "Alan"));

            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
            assertThat(mongo.dataFile()).isEmpty();
            assertThat(candidates.find(Filters.eq("email", "alan@example.org")).first())
                    .containsEntry("name", "Alan");
            assertThat(candidates.countDocuments()).isEqualTo(2);
        }
    }

    @Test
    void enforcesUniqueIndexes() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, null);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> invitations = client.getDatabase("hiring").getCollection("invitations");
            invitations.createIndex(Indexes.ascending("token"), new IndexOptions().unique(true));
            invitations.insertOne(new Document("token", "abc"));

            assertThatThrownBy(() -> invitations.insertOne(new Document("token", "abc")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e ->
                            assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThat(invitations.countDocuments()).isEqualTo(1);
        }
    }

    /** The file-backed store reads such queries through the _id index (IdPlannedH2Backend): same answers as a scan. */
    @Test
    void answersQueriesNamingAnIdWithFurtherConditionsInTheFileBackedStore(@TempDir Path dir) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, dir.resolve("mongo.mv.db"));
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> results = client.getDatabase("hiring").getCollection("results");
            for (int i = 0; i < 200; i++) {
                results.insertOne(new Document("_id", "d" + i).append("tenantId", i % 2 == 0 ? "a" : "b")
                        .append("leaseToken", "t" + i));
            }

            assertThat(results.find(Filters.and(Filters.eq("_id", "d4"), Filters.eq("tenantId", "a"))).first())
                    .containsEntry("leaseToken", "t4");
            assertThat(results.find(Filters.and(Filters.eq("_id", "d4"), Filters.eq("tenantId", "b"))).first())
                    .as("another tenant's id behaves like an unknown id").isNull();
            assertThat(results.find(new Document("_id", "d5").append("tenantId", "b")).first())
                    .containsEntry("leaseToken", "t5");
            assertThat(results.updateOne(Filters.and(Filters.eq("_id", "d6"), Filters.eq("leaseToken", "someone-else")),
                    Updates.set("done", true)).getMatchedCount()).isZero();
            assertThat(results.updateOne(Filters.and(Filters.eq("_id", "d6"), Filters.eq("leaseToken", "t6")),
                    Updates.set("done", true)).getModifiedCount()).isEqualTo(1);
            assertThat(results.find(Filters.eq("done", true)).map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("d6");
            assertThat(results.find(Filters.and(Filters.in("_id", "d1", "d2", "d3"), Filters.eq("tenantId", "b")))
                    .map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactlyInAnyOrder("d1", "d3");
            assertThat(results.deleteOne(Filters.and(Filters.eq("_id", "d8"), Filters.eq("tenantId", "b")))
                    .getDeletedCount()).isZero();
            assertThat(results.countDocuments(Filters.eq("tenantId", "a"))).as("queries without an id still scan")
                    .isEqualTo(100);
        }
    }

    /**
     * The outbox relays' question ("which documents have pending events?") reads only the documents that have the
     * field in the file-backed store (IdPlannedH2Backend); inserts, updates, deletes and a restart keep that right.
     */
    @Test
    void answersExistsQueriesLikeAScanInTheFileBackedStore(@TempDir Path dir) {
        Path dataFile = dir.resolve("mongo.mv.db");
        int port = PortCheck.freePort();
        Bson pending = Filters.and(Filters.exists("outbox.eventId"),
                Filters.or(Filters.exists("leaseUntil", false), Filters.eq("leaseUntil", "expired")));
        try (EmbeddedMongo mongo = EmbeddedMongo.start(port, dataFile);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> results = client.getDatabase("hiring").getCollection("results");
            for (int i = 0; i < 60; i++) {
                Document result = new Document("_id", String.format("r%02d", i));
                if (i % 3 == 0) {
                    result.append("outbox", List.of(new Document("eventId", "e" + i)));
                } else if (i % 3 == 1) {
                    result.append("outbox", List.of());
                }
                results.insertOne(result);
            }
            assertThat(ids(results.find(pending))).containsExactlyElementsOf(
                    IntStream.range(0, 60).filter(i -> i % 3 == 0).mapToObj(i -> String.format("r%02d", i)).toList());

            results.updateOne(Filters.eq("_id", "r00"), Updates.set("outbox", List.of()));
            results.updateOne(Filters.eq("_id", "r01"), Updates.push("outbox", new Document("eventId", "late")));
            results.updateOne(Filters.eq("_id", "r03"), Updates.set("leaseUntil", "held"));
            results.deleteOne(Filters.eq("_id", "r06"));
            results.insertOne(new Document("_id", "r99").append("outbox", List.of(new Document("eventId", "new"))));

            assertThat(ids(results.find(pending)).subList(0, 3)).containsExactly("r01", "r09", "r12");
            assertThat(ids(results.find(pending))).doesNotContain("r00", "r03", "r06").contains("r99").hasSize(19);
            assertThat(ids(results.find(pending).limit(2))).containsExactly("r01", "r09");
            assertThat(results.countDocuments(Filters.exists("outbox.eventId"))).isEqualTo(20);
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.start(port, dataFile);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> results = client.getDatabase("hiring").getCollection("results");
            assertThat(ids(results.find(pending))).as("after a restart").doesNotContain("r00", "r03", "r06")
                    .contains("r01", "r99").hasSize(19);
        }
    }

    /**
     * A count ({@code countDocuments} is an aggregation) or other aggregation starting with a {@code $match} that
     * requires a field or names an {@code _id} reads only those documents, with the answers a scan gives, also
     * after updates.
     */
    @Test
    void answersAggregationsStartingWithAnExistsMatchLikeAScan(@TempDir Path dir) {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, dir.resolve("mongo.mv.db"));
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> sessions = client.getDatabase("hiring").getCollection("invitations");
            for (int i = 0; i < 30; i++) {
                Document invitation = new Document("_id", "inv-" + i).append("tenantId", "t" + (i % 2))
                        .append("status", i < 10 ? "STARTED" : "SUBMITTED");
                if (i < 10) {
                    invitation.append("openSession", true);
                }
                sessions.insertOne(invitation);
            }
            Bson running = Filters.and(Filters.exists("openSession"), Filters.eq("status", "STARTED"));
            assertThat(sessions.countDocuments(running)).isEqualTo(10);

            sessions.updateOne(Filters.eq("_id", "inv-0"),
                    Updates.combine(Updates.set("status", "SUBMITTED"), Updates.unset("openSession")));
            sessions.updateOne(Filters.eq("_id", "inv-20"),
                    Updates.combine(Updates.set("status", "STARTED"), Updates.set("openSession", true)));
            sessions.updateOne(Filters.eq("_id", "inv-1"), Updates.set("status", "REVOKED"));
            sessions.deleteOne(Filters.eq("_id", "inv-2"));

            assertThat(sessions.countDocuments(running)).isEqualTo(8);
            List<Document> perTenant = sessions.aggregate(List.of(Aggregates.match(running),
                    Aggregates.group("$tenantId", Accumulators.sum("n", 1)), Aggregates.sort(Sorts.ascending("_id"))))
                    .into(new ArrayList<>());
            assertThat(perTenant).extracting(d -> d.getString("_id") + "=" + d.getInteger("n"))
                    .containsExactly("t0=4", "t1=4");
            assertThat(sessions.countDocuments(Filters.eq("status", "SUBMITTED"))).as("other counts read everything")
                    .isEqualTo(20);
            // Spring Data's exists: a count by _id with a limit
            assertThat(sessions.countDocuments(Filters.eq("_id", "inv-3"), new CountOptions().limit(1))).isEqualTo(1);
            assertThat(sessions.countDocuments(Filters.eq("_id", "inv-2"), new CountOptions().limit(1))).isZero();
            assertThat(sessions.countDocuments(Filters.and(Filters.eq("_id", "inv-3"), Filters.eq("status", "STARTED"))))
                    .isEqualTo(1);
            List<Document> joined = sessions.aggregate(List.of(Aggregates.match(Filters.exists("openSession")),
                    Aggregates.sort(Sorts.ascending("_id")), Aggregates.limit(1),
                    Aggregates.lookup("invitations", "tenantId", "tenantId", "sameTenant"))).into(new ArrayList<>());
            assertThat(joined).extracting(d -> d.getString("_id")).containsExactly("inv-1");
            assertThat(joined.get(0).getList("sameTenant", Document.class)).as("a $lookup reads the whole collection")
                    .hasSize(15);
        }
    }

    /** Unique indexes of the file-backed store are hash maps rebuilt at start-up; the rules stay MongoDB's. */
    @Test
    void keepsUniqueIndexRulesInTheFileBackedStore(@TempDir Path dir) {
        Path dataFile = dir.resolve("mongo.mv.db");
        int port = PortCheck.freePort();
        try (EmbeddedMongo mongo = EmbeddedMongo.start(port, dataFile);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> keys = client.getDatabase("hiring").getCollection("keys");
            keys.createIndex(Indexes.ascending("tenantId", "name"), new IndexOptions().unique(true).name("tenant_name"));
            keys.createIndex(Indexes.ascending("hash"), new IndexOptions().unique(true).sparse(true).name("hash"));
            keys.insertOne(new Document("_id", "k1").append("tenantId", "a").append("name", "ci"));
            keys.insertOne(new Document("_id", "k2").append("tenantId", "b").append("name", "ci"));
            keys.insertOne(new Document("_id", "k3").append("tenantId", "a").append("name", "ats"));

            assertThatThrownBy(() -> keys.insertOne(new Document("_id", "k4").append("tenantId", "a").append("name", "ci")))
                    .isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> keys.insertOne(new Document("_id", "k1").append("tenantId", "c")))
                    .as("the _id index").isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> keys.updateOne(Filters.eq("_id", "k3"), Updates.set("name", "ci")))
                    .as("an update onto another document's key").isInstanceOf(MongoWriteException.class);
            keys.updateOne(Filters.eq("_id", "k1"), Updates.set("name", "old-ci"));
            keys.insertOne(new Document("_id", "k5").append("tenantId", "a").append("name", "ci"));
            assertThat(keys.find(Filters.eq("_id", "k5")).first()).containsEntry("name", "ci");
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.start(port, dataFile);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> keys = client.getDatabase("hiring").getCollection("keys");
            assertThatThrownBy(() -> keys.insertOne(new Document("_id", "k6").append("tenantId", "a").append("name", "ats")))
                    .as("rebuilt after the restart").isInstanceOf(MongoWriteException.class);
            keys.insertOne(new Document("_id", "k7").append("tenantId", "c").append("name", "ci"));
            keys.insertOne(new Document("_id", "k8").append("tenantId", "d").append("name", "ci"));
            assertThat(keys.find(Filters.eq("_id", "k2")).first()).containsEntry("tenantId", "b");
            assertThat(keys.find(Filters.in("_id", "k1", "k3", "nope")).into(new ArrayList<>())).hasSize(2);

            keys.dropIndex("tenant_name");
            keys.insertOne(new Document("_id", "k9").append("tenantId", "a").append("name", "ats"));
            assertThat(keys.countDocuments(Filters.eq("name", "ats"))).isEqualTo(2);
        }
    }

    private static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    @Test
    void keepsDataInTheFileAcrossRestarts(@TempDir Path dir) {
        Path dataFile = dir.resolve("data").resolve("mongo.mv.db");
        int port = PortCheck.freePort();

        try (EmbeddedMongo mongo = EmbeddedMongo.start(port, dataFile);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> questions = client.getDatabase("hiring").getCollection("questions");
            questions.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
            questions.insertOne(new Document("slug", "fizzbuzz").append("points", 5));
        }
        assertThat(dataFile).exists();

        try (EmbeddedMongo mongo = EmbeddedMongo.start(port, dataFile);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> questions = client.getDatabase("hiring").getCollection("questions");

            assertThat(mongo.dataFile()).contains(dataFile.toAbsolutePath());
            assertThat(questions.find(Filters.eq("slug", "fizzbuzz")).first()).containsEntry("points", 5);
            // the unique index survived the restart too
            assertThatThrownBy(() -> questions.insertOne(new Document("slug", "fizzbuzz")))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).contains("hiring");
        }
    }

    /** collStats' size is worked out when asked in the file-backed store (IdPlannedH2Backend), not kept on every write. */
    @Test
    void reportsTheDataSizeOfTheDocumentsStoredAfterInsertsUpdatesDeletesAndARestart(@TempDir Path dir) {
        Path dataFile = dir.resolve("mongo.mv.db");
        int port;
        try (EmbeddedMongo mongo = EmbeddedMongo.start(0, dataFile);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            port = mongo.port();
            MongoDatabase hiring = client.getDatabase("hiring");
            MongoCollection<Document> sessions = hiring.getCollection("sessions");
            sessions.createIndex(Indexes.ascending("token"), new IndexOptions().unique(true));
            for (int i = 0; i < 3; i++) {
                sessions.insertOne(new Document("_id", "ses_" + i).append("token", "t" + i).append("answers", new Document()));
            }
            sessions.updateOne(Filters.eq("_id", "ses_1"), Updates.set("answers.q1", new Document("text", "x".repeat(500))));
            sessions.deleteOne(Filters.eq("_id", "ses_2"));

            assertThat(dataSize(hiring, "sessions")).isEqualTo(bsonBytes(hiring, "sessions")).isGreaterThan(500);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(port, dataFile);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoDatabase hiring = client.getDatabase("hiring");
            assertThat(dataSize(hiring, "sessions")).isEqualTo(bsonBytes(hiring, "sessions"));
        }
    }

    private static long dataSize(MongoDatabase database, String collection) {
        return database.runCommand(new Document("collStats", collection)).get("size", Number.class).longValue();
    }

    /** What the documents weigh as BSON, as the driver receives them. */
    private static long bsonBytes(MongoDatabase database, String collection) {
        long bytes = 0;
        for (RawBsonDocument document : database.getCollection(collection, RawBsonDocument.class).find()) {
            bytes += document.getByteBuffer().remaining();
        }
        return bytes;
    }

    @Test
    void explainsAnUnusableDataFile(@TempDir Path dir) throws Exception {
        Path notAStore = Files.writeString(dir.resolve("mongo.mv.db"), "this is not an H2 MVStore file");

        assertThatThrownBy(() -> EmbeddedMongo.start(0, notAStore))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot open the MongoDB data file " + notAStore.toAbsolutePath());
        // the file is left alone: it may be data somebody wants back
        assertThat(notAStore).hasContent("this is not an H2 MVStore file");
    }
}
