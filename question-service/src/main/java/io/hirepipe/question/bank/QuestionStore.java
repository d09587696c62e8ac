package io.hirepipe.question.bank;

import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.defaults.outbox.OutboxMessage;
import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.CursorCriteria;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and writes {@link QuestionDocument}s. Every query is scoped to one tenant; every change is a
 * conditional update on the revision that was read, so a write based on stale state matches nothing.
 */
@Component
class QuestionStore implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(QuestionStore.class);

    /** The (possibly large) history and the relay's pending events are loaded only when needed. */
    private static final String[] HEAVY_FIELDS = {"publishedVersions", "outbox"};

    private final MongoTemplate mongo;

    QuestionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(QuestionDocument.class);
        // The unfiltered list, newest first, and every cursor position in it.
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .on("_id", Sort.Direction.DESC).named("tenant_newest_id"));
        // The list by status (the console's "published" view), newest first.
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("tenant_status_newest"));
        // Filter by tag.
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("content.tags", Sort.Direction.ASC)
                .named("tenant_tag"));
        // Filter by category and difficulty range, and pool draws (category, status, difficulty).
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("content.category", Sort.Direction.ASC)
                .on("content.difficulty", Sort.Direction.ASC).named("tenant_category_difficulty"));
        // Filter by kind.
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("content.kind", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("tenant_kind_newest"));
        // Text search: an exact match per term on the multikey array, never a regex.
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("searchTerms", Sort.Direction.ASC)
                .named("tenant_terms"));
        // Pool draws: published versions by category.
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("publishedVersions.content.category", Sort.Direction.ASC).named("tenant_published_category"));
        // Starter bank and imports find what they installed before by its source key (idempotency).
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("sourceKey", Sort.Direction.ASC)
                .named("tenant_source_key").sparse());
        recomputeOutdatedSearchTerms();
    }

    /**
     * Questions whose terms an older analysis computed (or that have none, from before text search) get
     * them recomputed once, so that search finds them like new ones ({@link SearchTermsMigration}).
     */
    void recomputeOutdatedSearchTerms() {
        Query outdated = new Query();
        outdated.fields().exclude(HEAVY_FIELDS);
        int count = SearchTermsMigration.recompute(mongo, QuestionDocument.class, outdated, QuestionDocument::id,
                QuestionDocument::revision, question -> QuestionDocument.searchTermsOf(question.content()));
        if (count > 0) {
            log.info("Recomputed the search terms of {} questions (terms version {})", count, SearchTerms.VERSION);
        }
    }

    void insert(QuestionDocument question) {
        mongo.insert(question);
    }

    /**
     * Inserts new questions in one batched write (the driver splits it by size), each with the events its creation
     * implies in its outbox: a round trip per file instead of several per question.
     */
    void insertAll(List<QuestionDocument> questions, Function<QuestionDocument, List<OutboxMessage>> events) {
        List<Document> documents = new ArrayList<>(questions.size());
        for (QuestionDocument question : questions) {
            Document document = new Document();
            mongo.getConverter().write(question, document);
            List<OutboxMessage> pending = events.apply(question);
            if (!pending.isEmpty()) {
                document.put(Outbox.FIELD, mongo.getConverter().convertToMongoType(pending));
            }
            documents.add(document);
        }
        mongo.insert(documents, QuestionDocument.COLLECTION);
    }

    Optional<QuestionDocument> find(String tenantId, String id) {
        Query query = Query.query(byId(tenantId, id));
        query.fields().exclude(HEAVY_FIELDS);
        return Optional.ofNullable(mongo.findOne(query, QuestionDocument.class));
    }

    Optional<QuestionDocument> findWithHistory(String tenantId, String id) {
        Query query = Query.query(byId(tenantId, id));
        query.fields().exclude("outbox");
        return Optional.ofNullable(mongo.findOne(query, QuestionDocument.class));
    }

    List<QuestionDocument> findAllWithHistory(String tenantId, Collection<String> ids) {
        Query query = Query.query(Criteria.where("tenantId").is(tenantId).and("_id").in(ids));
        query.fields().exclude("outbox");
        return mongo.find(query, QuestionDocument.class);
    }

    /**
     * One page of the questions matching {@code filter}, newest first with ties broken by id (a total
     * order, so cursor pages never skip or repeat a row).
     *
     * @param after the last row of the previous page, null for the first page
     * @param limit how many rows to read (callers ask for one more than the page size)
     */
    List<QuestionDocument> search(String tenantId, QuestionFilter filter, Cursor after, int limit) {
        List<Criteria> all = new ArrayList<>(matching(tenantId, filter));
        if (after != null) {
            all.add(CursorCriteria.after(after));
        }
        Query query = Query.query(new Criteria().andOperator(all))
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .limit(limit);
        query.fields().exclude(HEAVY_FIELDS);
        return mongo.find(query, QuestionDocument.class);
    }

    /** Not retired, published at least once, with some published version in {@code category}. */
    List<QuestionDocument> publishedInCategory(String tenantId, String category, int max) {
        Query query = Query.query(Criteria.where("tenantId").is(tenantId)
                        .and("publishedVersions.content.category").is(category)
                        .and("status").ne(QuestionStatus.RETIRED)
                        .and("publishedVersion").ne(null))
                .with(Sort.by(Sort.Order.asc("_id")))
                .limit(max);
        query.fields().exclude("outbox");
        return mongo.find(query, QuestionDocument.class);
    }

    /** The ids of the tenant's questions that carry one of {@code sourceKeys}, by source key: one query for a whole file. */
    Map<String, String> idsBySourceKey(String tenantId, Collection<String> sourceKeys) {
        Query query = Query.query(Criteria.where("tenantId").is(tenantId).and("sourceKey").in(sourceKeys));
        query.fields().include("_id", "sourceKey");
        Map<String, String> ids = new HashMap<>();
        for (Document found : mongo.find(query, Document.class, mongo.getCollectionName(QuestionDocument.class))) {
            ids.put(found.getString("sourceKey"), found.getString("_id"));
        }
        return ids;
    }

    Optional<QuestionDocument> findBySourceKey(String tenantId, String sourceKey) {
        Query query = Query.query(Criteria.where("tenantId").is(tenantId).and("sourceKey").is(sourceKey));
        query.fields().exclude(HEAVY_FIELDS);
        return Optional.ofNullable(mongo.findOne(query, QuestionDocument.class));
    }

    private static List<Criteria> matching(String tenantId, QuestionFilter filter) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("tenantId").is(tenantId));
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.kind() != null) {
            all.add(Criteria.where("content.kind").is(filter.kind()));
        }
        if (filter.tag() != null) {
            all.add(Criteria.where("content.tags").is(filter.tag()));
        }
        if (filter.category() != null) {
            all.add(Criteria.where("content.category").is(filter.category()));
        }
        if (filter.difficultyMin() != null) {
            all.add(Criteria.where("content.difficulty").gte(filter.difficultyMin()));
        }
        if (filter.difficultyMax() != null) {
            all.add(Criteria.where("content.difficulty").lte(filter.difficultyMax()));
        }
        if (!filter.terms().isEmpty()) {
            all.add(Criteria.where("searchTerms").all(filter.terms()));
        }
        return all;
    }

    /**
     * Applies {@code update} only if the question is still at the revision {@code read} saw.
     *
     * @return the question after the update, or empty when another write came first
     */
    Optional<QuestionDocument> updateIfUnchanged(QuestionDocument read, Update update) {
        Query query = Query.query(byId(read.tenantId(), read.id()).and("revision").is(read.revision()));
        query.fields().exclude(HEAVY_FIELDS);
        update.inc("revision", 1);
        return Optional.ofNullable(mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
                QuestionDocument.class));
    }

    private static Criteria byId(String tenantId, String id) {
        return Criteria.where("_id").is(id).and("tenantId").is(tenantId);
    }
}
