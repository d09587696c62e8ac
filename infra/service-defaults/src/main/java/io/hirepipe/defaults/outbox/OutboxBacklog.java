package io.hirepipe.defaults.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the outbox relay has not published yet, per collection: how many events wait and how old
 * the oldest is. A growing age means Kafka is unreachable or the relay is stuck; the on-call's
 * first signal that accepted work is not moving on. Measured on scrape, at most once per
 * {@code refreshAfter}, so a busy Prometheus does not turn into MongoDB load.
 */
public class OutboxBacklog implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);
    private static final Bson PENDING = Filters.exists(Outbox.FIELD + ".eventId");
    /** The age is read from this many pending documents; a backlog larger than that is an alert anyway. */
    private static final int SAMPLE = 500;

    private final MongoTemplate mongo;
    private final List<String> collections;
    private final Clock clock;
    private final Duration refreshAfter;
    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    private record Snapshot(Instant takenAt, long pending, double oldestAgeSeconds) {
    }

    public OutboxBacklog(MongoTemplate mongo, List<String> collections, Clock clock, Duration refreshAfter) {
        this.mongo = mongo;
        this.collections = List.copyOf(collections);
        this.clock = clock;
        this.refreshAfter = refreshAfter;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String collection : collections) {
            Gauge.builder("hirepipe.outbox.pending", () -> snapshot(collection).pending())
                    .description("Events waiting in the outbox to be published to Kafka")
                    .tag("collection", collection).register(registry);
            Gauge.builder("hirepipe.outbox.oldest.age", () -> snapshot(collection).oldestAgeSeconds())
                    .description("Age of the oldest event waiting in the outbox (0 when none waits)")
                    .tag("collection", collection).baseUnit("seconds").register(registry);
        }
    }

    private Snapshot snapshot(String collection) {
        Instant now = clock.instant();
        return snapshots.compute(collection, (name, previous) ->
                previous != null && previous.takenAt().plus(refreshAfter).isAfter(now) ? previous : measure(name, now, previous));
    }

    private Snapshot measure(String collection, Instant now, Snapshot previous) {
        try {
            MongoCollection<Document> documents = mongo.getCollection(collection);
            long pending = 0;
            Instant oldest = null;
            for (Document document : documents.find(PENDING).projection(Projections.include(Outbox.FIELD)).limit(SAMPLE)) {
                for (OutboxMessage message : Outbox.pendingIn(document)) {
                    pending++;
                    if (message.createdAt() != null && (oldest == null || message.createdAt().isBefore(oldest))) {
                        oldest = message.createdAt();
                    }
                }
            }
            double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
            return new Snapshot(now, pending, age);
        } catch (RuntimeException e) {
            // keeps the last figures (and their old time, so the next scrape tries again)
            log.debug("Could not measure the {} outbox: {}", collection, e.toString());
            return previous != null ? previous : new Snapshot(Instant.MIN, 0, 0);
        }
    }
}
