package io.hirepipe.notification.delivery;

import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.CursorCriteria;
import jakarta.annotation.PostConstruct;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The email deliveries log: the idempotency record of every email and what operators read. */
@Component
public class DeliveryLog {

    static final int MAX_ERROR_LENGTH = 500;
    /** Set on a retry that failed because the SMTP server could not be reached: it may go as soon as it is back. */
    static final String WAITS_FOR_SERVER = "waitsForServer";
    private static final String PENDING_MESSAGE = "pendingMessage";

    private final MongoTemplate mongo;
    private final Clock clock;

    public DeliveryLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Before any listener starts: the unique key is what makes a redelivered event send nothing. */
    @PostConstruct
    void createIndexes() {
        mongo.indexOps(EmailDelivery.class).createIndex(new Index()
                .on("eventId", Sort.Direction.ASC)
                .on("recipient", Sort.Direction.ASC)
                .on("kind", Sort.Direction.ASC)
                .named("delivery_unique").unique());
        mongo.indexOps(EmailDelivery.class).createIndex(new Index()
                .on("tenantId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC)
                .named("tenant_newest"));
        // The retrier's one query: due retries, oldest first.
        mongo.indexOps(EmailDelivery.class).createIndex(new Index()
                .on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC)
                .named("retry_due"));
    }

    /**
     * Records the delivery as PENDING, or returns the one already recorded for the same event,
     * recipient and kind (a redelivery, or a retry after a failure).
     *
     * @param lagFrom when what the email reports happened: its lag is counted from there, also when it is retried
     */
    public EmailDelivery open(NewDelivery delivery, Instant lagFrom) {
        String recipient = normalise(delivery.recipient());
        EmailDelivery pending = new EmailDelivery("dlv_" + UUID.randomUUID().toString().replace("-", ""),
                delivery.tenantId(), delivery.eventId(), delivery.eventType(), delivery.kind(), recipient,
                delivery.subject(), delivery.subjectRef(), DeliveryStatus.PENDING, 0, null, null, clock.instant(),
                null, null, null, null, lagFrom);
        try {
            return mongo.insert(pending);
        } catch (DuplicateKeyException alreadyRecorded) {
            Query query = Query.query(Criteria.where("eventId").is(delivery.eventId())
                    .and("recipient").is(recipient)
                    .and("kind").is(delivery.kind()));
            EmailDelivery existing = mongo.findOne(query, EmailDelivery.class);
            if (existing == null) {
                // Not chained to the duplicate-key error: its message quotes the key, recipient included, and a
                // listener's failure is logged with every cause (retention or erasure deleted it meanwhile).
                throw new IllegalStateException("Delivery of " + delivery.eventId() + " (" + delivery.kind()
                        + ") vanished while it was being opened; the retry opens it anew");
            }
            return existing;
        }
    }

    /**
     * Claims a first-time send until {@code holdUntil} and counts the attempt, unless the email went out
     * meanwhile, the retrier owns it, or another consumer holds it right now (after a rebalance, two consumers
     * can be handed the same event). An empty result means "not mine to send now".
     */
    public Optional<EmailDelivery> startAttempt(String id, Instant now, Instant holdUntil) {
        Query unclaimed = Query.query(new Criteria().andOperator(
                Criteria.where("_id").is(id),
                Criteria.where("status").in(DeliveryStatus.PENDING, DeliveryStatus.FAILED),
                new Criteria().orOperator(Criteria.where("nextAttemptAt").exists(false),
                        Criteria.where("nextAttemptAt").is(null), Criteria.where("nextAttemptAt").lt(now))));
        Update update = new Update().inc("attempts", 1).set("lastAttemptAt", now).set("nextAttemptAt", holdUntil);
        return Optional.ofNullable(mongo.findAndModify(unclaimed, update,
                FindAndModifyOptions.options().returnNew(true), EmailDelivery.class));
    }

    /**
     * Another consumer holds this delivery right now. Should it die before finishing, nobody would send the email
     * (Kafka has moved on), so it becomes a retry due when that hold ends, carrying the message: if the holder
     * finishes first, its SENT or its own retry schedule replaces this.
     *
     * @return whether it was still held (false: it was sent or handed over meanwhile)
     */
    public boolean handOverIfHeld(String id, Instant now, String encryptedMessage) {
        Query held = Query.query(Criteria.where("_id").is(id)
                .and("status").in(DeliveryStatus.PENDING, DeliveryStatus.FAILED)
                .and("nextAttemptAt").gt(now));
        Update update = new Update().set("status", DeliveryStatus.RETRYING).set(PENDING_MESSAGE, encryptedMessage);
        return mongo.updateFirst(held, update, EmailDelivery.class).getModifiedCount() == 1;
    }

    public void markSent(String id, String messageId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), sent(messageId), EmailDelivery.class);
    }

    /** SENT, and nothing of the message or its failures kept. */
    private Update sent(String messageId) {
        return new Update()
                .set("status", DeliveryStatus.SENT)
                .set("messageId", messageId)
                .set("sentAt", clock.instant())
                .unset("lastError")
                .unset("nextAttemptAt")
                .unset(WAITS_FOR_SERVER)
                .unset(PENDING_MESSAGE);
    }

    /** Final: it will not be sent. The kept message, if any, is removed. */
    public void markFailed(String id, String error) {
        Update update = new Update().set("status", DeliveryStatus.FAILED).set("lastError", bounded(error))
                .unset("nextAttemptAt").unset(WAITS_FOR_SERVER).unset(PENDING_MESSAGE);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").ne(DeliveryStatus.SENT)), update,
                EmailDelivery.class);
    }

    /**
     * Hands the delivery to the retrier: RETRYING from {@code nextAttemptAt}, with the encrypted message. Only
     * the holder of attempt {@code attempt} may do so, so a slow worker cannot undo a newer outcome.
     */
    public void scheduleRetry(String id, int attempt, String error, String encryptedMessage, Instant nextAttemptAt,
                              boolean serverUnreachable) {
        Update update = new Update().set("status", DeliveryStatus.RETRYING).set("lastError", bounded(error))
                .set("nextAttemptAt", nextAttemptAt).set(PENDING_MESSAGE, encryptedMessage);
        if (serverUnreachable) {
            update.set(WAITS_FOR_SERVER, true);
        } else {
            update.unset(WAITS_FOR_SERVER);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("attempts").is(attempt)
                .and("status").ne(DeliveryStatus.SENT)), update, EmailDelivery.class);
    }

    /**
     * Takes the most overdue retry and holds it until {@code holdUntil}: the attempt count is the fencing
     * token, so if this instance stalls past the hold and another takes over, the late outcome is ignored.
     */
    public Optional<EmailDelivery> claimDueRetry(Instant now, Instant holdUntil) {
        Query due = Query.query(retrying().and("nextAttemptAt").lte(now))
                .with(Sort.by(Sort.Direction.ASC, "nextAttemptAt"));
        // a claimed retry no longer waits: only its holder's outcome may schedule it again
        Update claim = new Update().inc("attempts", 1).set("lastAttemptAt", now).set("nextAttemptAt", holdUntil)
                .unset(WAITS_FOR_SERVER);
        return Optional.ofNullable(mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true),
                EmailDelivery.class));
    }

    /**
     * Makes every retry that waits for the SMTP server to come back (not one held by a worker) due now.
     *
     * @return how many were waiting
     */
    public long retryWaitingForServerNow(Instant now) {
        Query waiting = Query.query(retrying().and(WAITS_FOR_SERVER).is(true).and("nextAttemptAt").gt(now));
        return mongo.updateMulti(waiting, new Update().set("nextAttemptAt", now), EmailDelivery.class)
                .getModifiedCount();
    }

    /**
     * Retries, which alone keep their message ({@code pendingMessage}, set with RETRYING, removed when sent or
     * failed). Asking for the kept message as well changes no answer; it lets the local stack's MongoDB, which
     * indexes only {@code _id} and unique keys but reads just the documents holding a field a query requires,
     * read the few retries instead of every email ever sent each poll. MongoDB uses the retry_due index either way.
     */
    private static Criteria retrying() {
        return Criteria.where(PENDING_MESSAGE).exists(true).and("status").is(DeliveryStatus.RETRYING);
    }

    /** Ends a retry attempt as sent, if {@code attempt} is still the latest one. */
    public boolean markRetrySent(String id, int attempt, String messageId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("attempts").is(attempt)), sent(messageId),
                EmailDelivery.class).getModifiedCount() == 1;
    }


    private static String bounded(String error) {
        return error == null ? "unknown error"
                : error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH - 1) + "…" : error;
    }

    /** The tenant's deliveries, newest first; with a status, only those in it. */
    public List<EmailDelivery> list(String tenantId, DeliveryStatus status, Cursor after, int limit) {
        Criteria criteria = Criteria.where("tenantId").is(tenantId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (after != null) {
            criteria = criteria.andOperator(CursorCriteria.after(after));
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.DESC, "_id")))
                .limit(limit);
        return mongo.find(query, EmailDelivery.class);
    }

    /** Addresses differ in case only in their display, never in where mail goes (in practice). */
    static String normalise(String recipient) {
        return recipient.strip().toLowerCase(Locale.ROOT);
    }

    /** What a listener asks to be sent. */
    public record NewDelivery(String tenantId, String eventId, String eventType, DeliveryKind kind, String recipient,
                              String subject, String subjectRef) {
    }
}
