package io.hirepipe.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
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
