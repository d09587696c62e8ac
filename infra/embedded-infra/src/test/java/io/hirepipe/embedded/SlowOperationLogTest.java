package io.hirepipe.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.hirepipe.embedded.SlowOperationLog.SlowOperation;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SlowOperationLogTest {

    private final List<SlowOperation> reported = new CopyOnWriteArrayList<>();

    @Test
    void reportsEachOperationWithItsCollectionAndFilterShapeButNoValues() {
        MongoServer server = new MongoServer(new SlowOperationLog(new MemoryBackend(), Duration.ZERO, reported::add));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> results = client.getDatabase("scoring").getCollection("results");
            results.insertOne(new Document("tenantId", "acme").append("email", "ada@example.org").append("score", 7));

            List<Document> found = results.find(Filters.and(Filters.eq("tenantId", "acme"),
                            Filters.or(Filters.eq("email", "ada@example.org"), Filters.lt("score", 3))))
                    .sort(Sorts.descending("score")).into(new ArrayList<>());
            results.updateOne(Filters.eq("email", "ada@example.org"), Updates.set("score", 8));
            long counted = results.countDocuments(Filters.in("tenantId", "acme", "globex"));
            results.aggregate(List.of(Aggregates.match(Filters.exists("email")), Aggregates.count())).first();
            results.deleteMany(Filters.eq("tenantId", "acme"));

            assertThat(found).hasSize(1);
            assertThat(counted).isEqualTo(1);
            assertThat(reported).extracting(Object::toString).noneMatch(line -> line.contains("acme")
                    || line.contains("ada@example.org") || line.contains("globex"));
            assertThat(reported).filteredOn(op -> op.collection().equals("results"))
                    .extracting(SlowOperation::database, SlowOperation::command, SlowOperation::shape)
                    .containsSubsequence(
                            tuple("scoring", "find",
                                    "filter {$and: [{tenantId: ?}, {$or: [{email: ?}, {score: {$lt: ?}}]}]} sort {score: -1}"),
                            tuple("scoring", "update", "filter {email: ?}"),
                            tuple("scoring", "aggregate",
                                    "pipeline [{$match: {tenantId: {$in: ?}}}, $group]"),
                            tuple("scoring", "aggregate",
                                    "pipeline [{$match: {email: {$exists: ?}}}, $count]"),
                            tuple("scoring", "delete", "filter {tenantId: ?}"));
            assertThat(reported.get(0).toString()).startsWith("slow MongoDB ");
        } finally {
            server.shutdown();
        }
    }

    @Test
    void reportsNothingFasterThanTheThreshold() {
        MongoServer server = new MongoServer(new SlowOperationLog(new MemoryBackend(), Duration.ofHours(1), reported::add));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> results = client.getDatabase("scoring").getCollection("results");
            results.insertOne(new Document("tenantId", "acme"));

            assertThat(results.find(Filters.eq("tenantId", "acme")).first()).isNotNull();
            assertThat(reported).isEmpty();
        } finally {
            server.shutdown();
        }
    }
}
