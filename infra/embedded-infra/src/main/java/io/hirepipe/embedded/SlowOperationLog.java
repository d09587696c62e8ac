package io.hirepipe.embedded;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * Reports every command slower than a threshold, as MongoDB's profiler does: database, collection, command, the
 * shape of its filter and sort, and how long it took. The shape keeps field names and operators and replaces every
 * value with {@code ?}: documents hold candidates' data. mongo-java-server uses only {@code _id} and unique
 * indexes, so a query on any other field reads the whole collection under its lock; this shows which ones do.
 */
final class SlowOperationLog implements MongoBackend {

    /** One slow command; {@code shape} is e.g. {@code filter {tenantId: ?, status: {$in: ?}} sort {createdAt: -1}}. */
    record SlowOperation(String database, String collection, String command, String shape, long millis) {

        @Override
        public String toString() {
            return "slow MongoDB " + command + " on " + database + "." + collection + " took " + millis + " ms"
                    + (shape.isEmpty() ? "" : ": " + shape);
        }
    }

    private static final String VALUE = "?";
    /** The commands that read or write documents by a filter, and where each keeps its filter. */
    private static final Map<String, String> FILTER_FIELDS = Map.of("find", "filter", "count", "query",
            "distinct", "query", "findAndModify", "query", "findandmodify", "query", "update", "updates",
            "delete", "deletes", "aggregate", "pipeline");

    private final MongoBackend backend;
    private final long thresholdNanos;
    private final Consumer<SlowOperation> report;

    SlowOperationLog(MongoBackend backend, Duration threshold, Consumer<SlowOperation> report) {
        this.backend = backend;
        this.thresholdNanos = threshold.toNanos();
        this.report = report;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        long start = System.nanoTime();
        try {
            return backend.handleMessage(message);
        } finally {
            reportIfSlow(message.getDatabaseName(), message.getDocument(), System.nanoTime() - start);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        long start = System.nanoTime();
        try {
            return backend.handleCommand(channel, database, command, query);
        } finally {
            reportIfSlow(database, query, System.nanoTime() - start);
        }
    }

    private void reportIfSlow(String database, Document command, long nanos) {
        if (nanos < thresholdNanos || command == null || command.isEmpty()) {
            return;
        }
        String name = command.keySet().iterator().next();
        String filterField = FILTER_FIELDS.get(name);
        if (filterField == null) {
            return;
        }
        Object collection = command.get(name);
        report.accept(new SlowOperation(database, String.valueOf(collection), name, shapeOf(command, filterField),
                Duration.ofNanos(nanos).toMillis()));
    }

    /** The filter (and sort) of a command with every value replaced by {@code ?}. */
    static String shapeOf(Document command, String filterField) {
        Object filter = command.get(filterField);
        StringBuilder shape = new StringBuilder();
        switch (filterField) {
            case "updates", "deletes" -> {
                // a bulk write: the first statement's filter stands for all (the drivers send one per call)
                if (filter instanceof List<?> statements && !statements.isEmpty()
                        && statements.get(0) instanceof Document first) {
                    shape.append("filter ").append(shape(first.get("q")));
                    if (statements.size() > 1) {
                        shape.append(" (first of ").append(statements.size()).append(')');
                    }
                }
            }
            case "pipeline" -> {
                if (filter instanceof List<?> stages) {
                    shape.append("pipeline ").append(stages.stream().map(SlowOperationLog::stageShape)
                            .collect(Collectors.joining(", ", "[", "]")));
                }
            }
            default -> {
                if (filter != null) {
                    shape.append("filter ").append(shape(filter));
                }
            }
        }
        if (command.get("sort") instanceof Document sort && !sort.isEmpty()) {
            // sort directions are part of the query, not data
            shape.append(shape.isEmpty() ? "" : " ").append("sort ").append(sortShape(sort));
        }
        return shape.toString();
    }

    /** {@code $match} and {@code $sort} stages in full shape, the others by name only. */
    private static String stageShape(Object stage) {
        if (!(stage instanceof Document document) || document.isEmpty()) {
            return VALUE;
        }
        String name = document.keySet().iterator().next();
        return switch (name) {
            case "$match" -> "{$match: " + shape(document.get(name)) + "}";
            case "$sort" -> document.get(name) instanceof Document sort ? "{$sort: " + sortShape(sort) + "}" : name;
            default -> name;
        };
    }

    private static String sortShape(Document sort) {
        return sort.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String shape(Object value) {
        if (value instanceof Document document) {
            return document.entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + valueShape(entry.getKey(), entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return VALUE;
    }

    private static String valueShape(String key, Object value) {
        if (value instanceof Document) {
            // operators ({$lt: ?}) or, for an equality on a sub-document, its field names
            return shape(value);
        }
        if (value instanceof List<?> conditions && (key.equals("$and") || key.equals("$or") || key.equals("$nor"))) {
            return conditions.stream().map(SlowOperationLog::shape).collect(Collectors.joining(", ", "[", "]"));
        }
        return VALUE;
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return backend.handleQuery(query);
    }

    @Override
    public void handleClose(Channel channel) {
        backend.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        backend.dropDatabase(database);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return backend.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return backend.getServerStatus();
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }
}
