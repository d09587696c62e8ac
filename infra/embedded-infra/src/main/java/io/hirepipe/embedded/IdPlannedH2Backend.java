package io.hirepipe.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.List;

/**
 * mongo-java-server's H2 backend, with one planner rule MongoDB itself applies: a query that names one
 * {@code _id} (or a list of them) alongside other conditions reads that document through the {@code _id}
 * index and checks the other conditions on it. The library uses an index only when the query's fields are
 * exactly the index's, so {@code {_id, tenantId}} or a fenced update {@code {$and: [{_id}, {leaseToken}]}}
 * read the whole collection, under its lock: every such read got slower as the collection grew, and held
 * up every writer of the collection meanwhile. Results are the same either way (the full query is still
 * matched); only the documents looked at differ.
 */
final class IdPlannedH2Backend extends H2Backend {

    IdPlannedH2Backend(String file) {
        super(file);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new Database(name, getCursorRegistry());
    }

    /** Inner, not static: the collections it opens during its own construction need the backend's store. */
    private final class Database extends H2Database {

        Database(String name, CursorRegistry cursors) {
            super(name, getMvStore(), cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
            // the same map names as H2Database's, so existing data files open unchanged
            String namespace = getFullCollectionNamespace(name);
            MVMap<Object, Document> data = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new Collection(this, name, options, data, meta, cursorRegistry);
        }
    }

    private static final class Collection extends H2Collection {

        Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                   MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            Document byId = idCondition(query);
            boolean onlyId = query.size() == 1 && query.containsKey("_id");
            if (byId != null && !onlyId) {
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        return matchDocuments(query, index.getPositions(byId), orderBy, numberToSkip, limit, batchSize,
                                fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /** {@code {_id: value}} when the query requires that _id at its top level or in a top-level $and. */
        static Document idCondition(Document query) {
            if (query.containsKey("_id")) {
                return new Document("_id", query.get("_id"));
            }
            if (query.get("$and") instanceof List<?> all) {
                for (Object part : all) {
                    if (part instanceof Document condition && condition.containsKey("_id")) {
                        return new Document("_id", condition.get("_id"));
                    }
                }
            }
            return null;
        }
    }
}
