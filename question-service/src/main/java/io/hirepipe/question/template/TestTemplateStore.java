package io.hirepipe.question.template;

import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.CursorCriteria;
import io.hirepipe.question.bank.SearchTerms;
import io.hirepipe.question.bank.SearchTermsMigration;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tenant-scoped reads and revision-conditional writes of {@link TestTemplateDocument}s. */
@Component
class TestTemplateStore implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TestTemplateStore.class);

    private final MongoTemplate mongo;

    TestTemplateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        upgradeTestsFromBeforeVersions();
        IndexOperations indexes = mongo.indexOps(TestTemplateDocument.class);
        // The unfiltered list, newest first, and every cursor position in it.
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .on("_id", Sort.Direction.DESC).named("tenant_newest_id"));
        // The list by status.
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("tenant_status_newest"));
        // Text search on the title and description: exact matches on the multikey term array.
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("searchTerms", Sort.Direction.ASC)
                .named("tenant_terms"));
        // The starter bank finds the tests it installed before by their source key (idempotency).
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("sourceKey", Sort.Direction.ASC)
                .named("tenant_source_key"));
        recomputeOutdatedSearchTerms();
    }

    /** Tests whose terms an older analysis computed get them recomputed once ({@link SearchTermsMigration}). */
    void recomputeOutdatedSearchTerms() {
        int count = SearchTermsMigration.recompute(mongo, TestTemplateDocument.class, new Query(),
                TestTemplateDocument::id, TestTemplateDocument::revision, test -> TestTemplateService.termsOf(test.content()));
        if (count > 0) {
            log.info("Recomputed the search terms of {} tests (terms version {})", count, SearchTerms.VERSION);
        }
    }

    /**
     * Tests written before drafts and versions were flat (title, sections... at the top) and usable at once:
     * they become version 1, published, with the same content, so their ids and pinned questions stay.
     */
    void upgradeTestsFromBeforeVersions() {
        var collection = mongo.getCollection(TestTemplateDocument.COLLECTION);
        int count = 0;
        for (Document old : collection.find(new Document("content", new Document("$exists", false)))) {
            Document content = new Document("title", old.get("title"))
                    .append("description", old.get("description"))
                    .append("durationMinutes", old.get("durationMinutes"))
                    .append("passMarkPercent", old.get("passMarkPercent"))
                    .append("sections", old.get("sections"))
                    .append("shuffleQuestions", false)
                    .append("shuffleOptions", true)
                    .append("totalPoints", old.get("totalPoints"));
            Document upgrade = new Document("content", content)
                    .append("version", 1).append("status", TestStatus.PUBLISHED.name()).append("publishedVersion", 1)
                    .append("publishedVersions", List.of(new Document("version", 1).append("content", content)
                            .append("publishedAt", old.get("createdAt"))))
                    .append("revision", 0L).append("updatedAt", old.get("createdAt"))
                    .append("publishedAt", old.get("createdAt"))
                    .append("searchTerms", SearchTerms.of(old.getString("title"), old.getString("description")));
            collection.updateOne(new Document("_id", old.get("_id")).append("content", new Document("$exists", false)),
                    new Document("$set", upgrade).append("$unset", new Document("title", "").append("description", "")
                            .append("durationMinutes", "").append("passMarkPercent", "").append("sections", "")
                            .append("totalPoints", "")));
            count++;
        }
        if (count > 0) {
            log.info("Upgraded {} tests stored before test versions to published version 1", count);
        }
    }

    void insert(TestTemplateDocument test) {
        mongo.insert(test);
    }

    Optional<TestTemplateDocument> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(byId(tenantId, id)), TestTemplateDocument.class));
    }

    Optional<TestTemplateDocument> findBySourceKey(String tenantId, String sourceKey) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("tenantId").is(tenantId).and("sourceKey").is(sourceKey)),
                TestTemplateDocument.class));
    }

    /** Newest first, ties broken by id. */
    List<TestTemplateDocument> search(String tenantId, TestStatus status, List<String> terms, Cursor after, int limit) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("tenantId").is(tenantId));
        if (status != null) {
            all.add(Criteria.where("status").is(status));
        }
        if (!terms.isEmpty()) {
            all.add(Criteria.where("searchTerms").all(terms));
        }
        if (after != null) {
            all.add(CursorCriteria.after(after));
        }
        return mongo.find(Query.query(new Criteria().andOperator(all))
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .limit(limit), TestTemplateDocument.class);
    }

    /** @return the test after the update, or empty when another write came first */
    Optional<TestTemplateDocument> updateIfUnchanged(TestTemplateDocument read, Update update) {
        update.inc("revision", 1);
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(byId(read.tenantId(), read.id()).and("revision").is(read.revision())), update,
                FindAndModifyOptions.options().returnNew(true), TestTemplateDocument.class));
    }

    /** Deletes a never-published draft if it is still at the revision read. */
    boolean deleteDraftIfUnchanged(TestTemplateDocument read) {
        return mongo.remove(Query.query(byId(read.tenantId(), read.id()).and("revision").is(read.revision())
                .and("publishedVersion").is(null)), TestTemplateDocument.class).getDeletedCount() == 1;
    }

    private static Criteria byId(String tenantId, String id) {
        return Criteria.where("_id").is(id).and("tenantId").is(tenantId);
    }
}
