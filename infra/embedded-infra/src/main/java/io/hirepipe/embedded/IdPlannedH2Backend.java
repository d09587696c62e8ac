package io.hirepipe.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * mongo-java-server's H2 backend, with the planning MongoDB itself does for the queries our services send
 * most. The library uses an index only when a query's fields are exactly the index's, and otherwise reads the
 * whole collection under the collection's lock, so every such read got slower as the collection grew and held
 * up every writer of the collection meanwhile. Results are the same either way (the full query is still
 * matched on every document looked at); only the documents looked at differ.
 * <ul>
 *   <li>A query that names one {@code _id} (or a list of them) alongside other conditions reads those
 *       documents through the {@code _id} index: {@code {_id, tenantId}}, or a fenced update
 *       {@code {$and: [{_id}, {leaseToken}]}}.</li>
 *   <li>A query that requires a field to exist ({@code {"outbox.eventId": {$exists: true}}}, at the top or in
 *       a top-level {@code $and}) reads only the documents that have it, as a sparse index would: the outbox
 *       relays ask this of every outbox collection every second.</li>
 *   <li>An aggregation whose first stage is such a {@code $match} (a {@code countDocuments}, which the driver
 *       sends as {@code [{$match}, {$group}]}) starts from the same documents: the library reads every document
 *       of the collection for any aggregation, and a metrics gauge counting running sessions or pending
 *       deliveries every few seconds made that a whole-collection read.</li>
 *   <li>Unique indexes are {@link HashedUniqueIndex hash maps} rebuilt at start-up, not the library's MVStore
 *       maps, which compare keys by Java-serialising them.</li>
 * </ul>
 */
final class IdPlannedH2Backend extends H2Backend {

    /**
     * The leading {@code $match} of the aggregation this thread is running, until its collection reads its
     * source documents. The library asks the collection for all of them ({@code queryAll}, an empty query)
     * without passing the pipeline on, so the match comes along here.
     */
    private static final ThreadLocal<LeadingMatch> AGGREGATION_MATCH = new ThreadLocal<>();

    private record LeadingMatch(String collection, Document filter) {
    }

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
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                                      Oplog oplog) {
            LeadingMatch match = "aggregate".equals(command) ? Collection.plannableLeadingMatch(query) : null;
            if (match == null) {
                return super.handleCommand(channel, command, query, resolver, oplog);
            }
            AGGREGATION_MATCH.set(match);
            try {
                return super.handleCommand(channel, command, query, resolver, oplog);
            } finally {
                AGGREGATION_MATCH.remove();
            }
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
            // the same map names as H2Database's, so existing data files open unchanged
            String namespace = getFullCollectionNamespace(name);
            MVMap<Object, Document> data = getMvStore().openMap("databases." + namespace);
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new Collection(this, name, options, data, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            // empty when opened: the collection fills it from its documents when it adds the index
            return new HashedUniqueIndex(indexName, keys, sparse);
        }
    }

    private static final class Collection extends H2Collection {

        /** Bounds the paths tracked per collection: beyond them, an $exists query scans as the library does. */
        private static final int MAX_EXISTS_PATHS = 4;

        private final DataType<Object> idOrder;
        private final QueryMatcher matcher = new DefaultQueryMatcher();
        /** Per field path asked for with {@code $exists: true}: the positions (ids) of the documents that have it. */
        private final Map<String, Set<Object>> havingField = new ConcurrentHashMap<>();

        Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
                   MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
            this.idOrder = data.getKeyType();
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            LeadingMatch match = AGGREGATION_MATCH.get();
            if (query.isEmpty() && match != null && match.collection().equals(getCollectionName())) {
                // the aggregation's source: only what its first stage keeps (that stage still runs on them);
                // taken once, so a later stage reading this collection again ($lookup) reads all of it
                AGGREGATION_MATCH.remove();
                query = match.filter();
            }
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
            String existing = byId == null ? existsCondition(query) : null;
            Set<Object> having = existing == null ? null : positionsHaving(existing);
            if (having != null) {
                return matchDocuments(query, enough(having, query, orderBy, numberToSkip, limit), orderBy,
                        numberToSkip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /**
         * Without a sort, a query with a limit needs only the first matches, as a scan stops at them: the
         * positions up to the last of those (the library matches them again, and skips and limits as usual).
         */
        private List<Object> enough(Set<Object> positions, Document query, Document orderBy, int skip, int limit) {
            if (limit <= 0 || (orderBy != null && !orderBy.isEmpty())) {
                return new ArrayList<>(positions);
            }
            List<Object> needed = new ArrayList<>();
            int matched = 0;
            for (Object position : positions) {
                needed.add(position);
                Document document = getDocument(position);
                if (document != null && matcher.matches(document, query) && ++matched == skip + limit) {
                    break;
                }
            }
            return needed;
        }

        private Set<Object> positionsHaving(String path) {
            Set<Object> known = havingField.get(path);
            if (known != null) {
                return known;
            }
            // every write holds this lock too: no document can change between the scan and the tracking
            synchronized (this) {
                known = havingField.get(path);
                if (known == null && havingField.size() < MAX_EXISTS_PATHS) {
                    // in the order a scan meets them: the data map is ordered by _id
                    Set<Object> found = new ConcurrentSkipListSet<>(idOrder::compare);
                    Document condition = existsQuery(path);
                    streamAllDocumentsWithPosition()
                            .filter(entry -> matcher.matches(entry.getDocument(), condition))
                            .forEach(entry -> found.add(entry.getPosition()));
                    havingField.put(path, found);
                    known = found;
                }
                return known;
            }
        }

        /**
         * The library keeps a collection's data size up to date on every write by BSON-encoding the whole document,
         * before and after an update: two encodings of a whole session per autosave, a quarter of what the store
         * allocated at 200 saves/s. Only collStats, dbStats and validate report the size, and nothing asks often.
         */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /** The data size, computed when asked (see {@link #tracksDataSize()}). */
        @Override
        protected int getDataSize() {
            long size = streamAllDocumentsWithPosition().mapToLong(entry -> bsonSize(entry.getDocument())).sum();
            return (int) Math.min(Integer.MAX_VALUE, size);
        }

        private static int bsonSize(Document document) {
            ByteBuf buffer = Unpooled.buffer();
            try {
                BsonEncoder.encodeDocument(document, buffer);
                return buffer.writerIndex();
            } finally {
                buffer.release();
            }
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object position = super.addDocumentInternal(document);
            track(position, document);
            return position;
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument);
            track(position, newDocument);
        }

        @Override
        protected void removeDocument(Object position) {
            super.removeDocument(position);
            havingField.values().forEach(positions -> positions.remove(position));
        }

        private void track(Object position, Document document) {
            havingField.forEach((path, positions) -> {
                if (matcher.matches(document, existsQuery(path))) {
                    positions.add(position);
                } else {
                    positions.remove(position);
                }
            });
        }

        private static Document existsQuery(String path) {
            return new Document(path, new Document("$exists", true));
        }

        /** The aggregation's leading {@code $match} when it names an {@code _id} or requires a field to exist. */
        static LeadingMatch plannableLeadingMatch(Document command) {
            if (command.get("aggregate") instanceof String collection && command.get("pipeline") instanceof List<?> stages
                    && !stages.isEmpty() && stages.get(0) instanceof Document first && first.size() == 1
                    && first.get("$match") instanceof Document filter
                    && (idCondition(filter) != null || existsCondition(filter) != null)) {
                return new LeadingMatch(collection, filter);
            }
            return null;
        }

        /** {@code {_id: value}} when the query requires that _id at its top level or in a top-level $and. */
        static Document idCondition(Document query) {
            if (query.containsKey("_id")) {
                return new Document("_id", query.get("_id"));
            }
            for (Document condition : topLevelAnd(query)) {
                if (condition.containsKey("_id")) {
                    return new Document("_id", condition.get("_id"));
                }
            }
            return null;
        }

        /** The path of a {@code {path: {$exists: true}}} the query requires at its top level or in a top-level $and. */
        static String existsCondition(Document query) {
            String path = requiredField(query);
            if (path != null) {
                return path;
            }
            for (Document condition : topLevelAnd(query)) {
                path = requiredField(condition);
                if (path != null) {
                    return path;
                }
            }
            return null;
        }

        private static String requiredField(Document conditions) {
            for (Map.Entry<String, Object> condition : conditions.entrySet()) {
                if (!condition.getKey().startsWith("$") && condition.getValue() instanceof Document operators
                        && operators.size() == 1 && isTrue(operators.get("$exists"))) {
                    return condition.getKey();
                }
            }
            return null;
        }

        private static boolean isTrue(Object value) {
            return Boolean.TRUE.equals(value) || value instanceof Number number && number.doubleValue() != 0;
        }

        private static List<Document> topLevelAnd(Document query) {
            List<Document> conditions = new ArrayList<>();
            if (query.get("$and") instanceof List<?> all) {
                for (Object part : all) {
                    if (part instanceof Document condition) {
                        conditions.add(condition);
                    }
                }
            }
            return conditions;
        }
    }
}
