package io.hirepipe.defaults.clock;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The instance's clock set to the database server's time, so that every instance of a service times its leases
 * alike. A lease that instances take from each other (an email's send, a webhook attempt, an outbox document) ends
 * when its holder's deadline passes; an instance whose own clock ran minutes ahead would otherwise take a lease
 * another instance still holds, and send the same email twice.
 *
 * <p>Reading the server's time on every call would add a round trip to each; instead the offset between the
 * instance's clock and the server's is measured at start-up and again every {@code realignEvery}, half the round
 * trip taken as the moment the server read its clock. Between two measurements the instance's clock runs on, so
 * only a step of the instance's clock larger than a lease within that interval still matters. When the server
 * cannot be asked, the last offset stays.
 */
public final class DatabaseAlignedClock extends Clock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAlignedClock.class);

    private final Clock local;
    private final Supplier<Instant> serverTime;
    private final ScheduledExecutorService realigner;
    private volatile Duration offset = Duration.ZERO;

    /**
     * @param local        the instance's own clock
     * @param serverTime   asks the server for its time (a round trip)
     * @param realignEvery how often the offset is measured, the first time at once in the background (a database
     *                     that is not up yet must not hold up the service's start; until then the instance's own
     *                     clock is read); zero or negative: only once, now, before this returns
     */
    public DatabaseAlignedClock(Clock local, Supplier<Instant> serverTime, Duration realignEvery) {
        this.local = local;
        this.serverTime = serverTime;
        if (!realignEvery.isNegative() && !realignEvery.isZero()) {
            realigner = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "database-clock");
                thread.setDaemon(true);
                return thread;
            });
            realigner.scheduleWithFixedDelay(this::realign, 0, realignEvery.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            realigner = null;
            realign();
        }
    }

    /** The system clock set to the time of the server {@code mongo} talks to. */
    public static DatabaseAlignedClock of(MongoTemplate mongo, Duration realignEvery) {
        return of(mongo, Clock.systemUTC(), realignEvery);
    }

    /** The instance's clock {@code local} set to the time of the server {@code mongo} talks to. */
    public static DatabaseAlignedClock of(MongoTemplate mongo, Clock local, Duration realignEvery) {
        return new DatabaseAlignedClock(local, () -> serverTimeOf(mongo), realignEvery);
    }

    /** The server's clock: {@code isMaster}'s {@code localTime}, which real MongoDB and the embedded server both send. */
    static Instant serverTimeOf(MongoTemplate mongo) {
        return mongo.executeCommand(new Document("isMaster", 1)).getDate("localTime").toInstant();
    }

    void realign() {
        try {
            Instant asked = local.instant();
            Instant server = serverTime.get();
            Instant answered = local.instant();
            Instant midway = asked.plus(Duration.between(asked, answered).dividedBy(2));
            Duration measured = Duration.between(midway, server);
            if (measured.abs().compareTo(Duration.ofSeconds(1)) > 0) {
                log.info("This instance's clock is {} ms {} the database's; timing leases on the database's",
                        measured.abs().toMillis(), measured.isNegative() ? "ahead of" : "behind");
            }
            offset = measured;
        } catch (RuntimeException e) {
            log.warn("Could not read the database's time; keeping the last offset ({} ms): {}",
                    offset.toMillis(), e.toString());
        }
    }

    /** How far the server's clock is ahead of the instance's (negative: behind), as last measured. */
    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return local.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same aligned instants, in {@code zone}: a view that follows this clock's realignments. */
    @Override
    public Clock withZone(ZoneId zone) {
        return ZoneOffset.UTC.equals(zone) ? this : new Zoned(zone);
    }

    private final class Zoned extends Clock {

        private final ZoneId zone;

        Zoned(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return DatabaseAlignedClock.this.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return DatabaseAlignedClock.this.withZone(other);
        }
    }

    @Override
    public void close() {
        if (realigner != null) {
            realigner.shutdownNow();
        }
    }
}
