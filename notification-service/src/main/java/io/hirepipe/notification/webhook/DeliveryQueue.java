package io.hirepipe.notification.webhook;

import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.CursorCriteria;
import io.hirepipe.notification.webhook.WebhookDelivery.Status;
import jakarta.annotation.PostConstruct;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static io.hirepipe.notification.webhook.WebhookDelivery.AWAITING_ATTEMPT;

/**
 * The durable delivery queue in MongoDB. Every state change is one conditional single-document
 * update: claiming takes a lease with findAndModify, so two dispatcher instances never run the same
 * attempt, and finishing only succeeds for the lease holder of that attempt number.
 *
 * <p>Deliveries awaiting an attempt (PENDING) alone hold {@code awaitingAttempt}: set when queued or
 * redelivered, removed when they end. The claim and the pending gauge ask for it as well as for PENDING,
 * which changes no answer; it lets the local stack's MongoDB, which indexes only {@code _id} and unique
 * keys but reads just the documents holding a field a query requires, read the few waiting deliveries
 * instead of every delivery ever made on each poll. MongoDB uses the "due" index either way.
 */
@Component
public class DeliveryQueue {

    private final MongoTemplate mongo;

    public DeliveryQueue(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(WebhookDelivery.class).createIndex(new Index()
                .on("eventId", Sort.Direction.ASC).on("subscriptionId", Sort.Direction.ASC)
                .named("delivery_per_event_and_subscription").unique());
        mongo.indexOps(WebhookDelivery.class).createIndex(new Index()
                .on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC).named("due"));
        mongo.indexOps(WebhookDelivery.class).createIndex(new Index()
                .on("subscriptionId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC).named("log"));
        mongo.indexOps(WebhookAttempt.class).createIndex(new Index()
                .on("deliveryId", Sort.Direction.ASC).on("number", Sort.Direction.ASC).named("attempts"));
        markAwaitingDeliveries();
    }

    /**
     * Marks PENDING deliveries queued by a version that did not mark them, so the claim finds them.
     *
     * @return how many were marked
     */
    long markAwaitingDeliveries() {
        return mongo.updateMulti(Query.query(Criteria.where("status").is(Status.PENDING).and(AWAITING_ATTEMPT).exists(false)),
                new Update().set(AWAITING_ATTEMPT, true), WebhookDelivery.class).getModifiedCount();
    }

    /**
     * Records the deliveries of one event in one round trip; those that exist already (a
     * redelivered event) are left as they are, by the unique index.
     */
    public void enqueueAll(List<WebhookDelivery> deliveries) {
        if (deliveries.size() == 1) {
            enqueue(deliveries.get(0));
        } else if (!deliveries.isEmpty()) {
            try {
                mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, WebhookDelivery.class).insert(deliveries).execute();
            } catch (BulkOperationException someExisted) {
                if (!someExisted.getErrors().stream().allMatch(e -> e.getCode() == 11000)) {
                    throw someExisted;
                }
            }
        }
    }

    /** Records the delivery; false when it exists already (a redelivered event changes nothing). */
    public boolean enqueue(WebhookDelivery delivery) {
        try {
            mongo.insert(delivery);
            return true;
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
    }

    /**
     * Leases the most overdue PENDING delivery whose lease is free, skipping subscriptions that
     * already have as many attempts in flight here as allowed.
     */
    public Optional<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, String owner,
                                              Collection<String> busySubscriptions) {
        Criteria due = awaitingAttempt().and("nextAttemptAt").lte(now).and("leaseUntil").lte(now);
        if (!busySubscriptions.isEmpty()) {
            due = due.and("subscriptionId").nin(busySubscriptions);
        }
        Query query = Query.query(due).with(Sort.by("nextAttemptAt"));
        Update lease = new Update().set("leaseUntil", leaseUntil).set("leaseOwner", owner).inc("attempts", 1);
        return Optional.ofNullable(mongo.findAndModify(query, lease, FindAndModifyOptions.options().returnNew(true),
                WebhookDelivery.class));
    }

    /** Ends the attempt {@code claimed} holds; a no-op if another instance took the delivery over meanwhile. */
    public boolean finish(WebhookDelivery claimed, Update outcome) {
        Query mine = Query.query(Criteria.where("_id").is(claimed.id()).and("leaseOwner").is(claimed.leaseOwner())
                .and("attempts").is(claimed.attempts()));
        outcome.set("leaseUntil", Instant.EPOCH);
        return mongo.updateFirst(mine, outcome, WebhookDelivery.class).getModifiedCount() > 0;
    }

    /** Ends the delivery as SUCCEEDED or FAILED for the holder of the attempt: it awaits no further attempt. */
    public boolean end(WebhookDelivery claimed, Status status, Update outcome) {
        return finish(claimed, outcome.set("status", status).unset(AWAITING_ATTEMPT));
    }

    /** Hands a claim back unused: due again at once, the attempt not counted. */
    public void release(WebhookDelivery claimed) {
        finish(claimed, new Update().inc("attempts", -1));
    }

    public void recordAttempt(WebhookAttempt attempt) {
        mongo.insert(attempt);
    }

    public Optional<WebhookDelivery> find(String tenantId, String subscriptionId, String deliveryId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(deliveryId)
                .and("tenantId").is(tenantId).and("subscriptionId").is(subscriptionId)), WebhookDelivery.class));
    }

    /** Newest first (the id breaking ties), optionally only one status, from the start or after a cursor. */
    public List<WebhookDelivery> recent(String tenantId, String subscriptionId, Status status, Cursor after,
                                        int limit) {
        Criteria criteria = Criteria.where("tenantId").is(tenantId).and("subscriptionId").is(subscriptionId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (after != null) {
            criteria = criteria.andOperator(CursorCriteria.after(after));
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt", "_id")).limit(limit),
                WebhookDelivery.class);
    }

    public List<WebhookAttempt> attempts(String tenantId, String deliveryId) {
        return mongo.find(Query.query(Criteria.where("deliveryId").is(deliveryId).and("tenantId").is(tenantId))
                .with(Sort.by("number")), WebhookAttempt.class);
    }

    /** Makes a finished delivery due now; an attempt already waiting or in flight is left alone. */
    public boolean redeliver(String tenantId, String subscriptionId, String deliveryId, Instant now) {
        Query query = Query.query(Criteria.where("_id").is(deliveryId).and("tenantId").is(tenantId)
                .and("subscriptionId").is(subscriptionId).and("status").ne(Status.PENDING));
        return mongo.updateFirst(query, requeue(now), WebhookDelivery.class).getModifiedCount() > 0;
    }

    /** Makes every FAILED delivery of the subscription created since {@code since} due now. */
    public long redeliverFailedSince(String tenantId, String subscriptionId, Instant since, Instant now) {
        Query query = Query.query(Criteria.where("tenantId").is(tenantId).and("subscriptionId").is(subscriptionId)
                .and("status").is(Status.FAILED).and("createdAt").gte(since));
        return mongo.updateMulti(query, requeue(now), WebhookDelivery.class).getModifiedCount();
    }

    /** When a subscription is disabled or deleted, what waits for it stops waiting (and can be redelivered later). */
    public long failPending(String subscriptionId, String reason) {
        Query query = Query.query(Criteria.where("subscriptionId").is(subscriptionId).and("status").is(Status.PENDING));
        return mongo.updateMulti(query, new Update().set("status", Status.FAILED).set("lastError", reason)
                .unset(AWAITING_ATTEMPT), WebhookDelivery.class).getModifiedCount();
    }

    /** Deliveries waiting for their first attempt or a retry, all instances' alike. */
    public long countAwaiting() {
        return mongo.count(Query.query(awaitingAttempt()), WebhookDelivery.class);
    }

    private static Criteria awaitingAttempt() {
        return Criteria.where(AWAITING_ATTEMPT).exists(true).and("status").is(Status.PENDING);
    }

    private static Update requeue(Instant now) {
        return new Update().set("status", Status.PENDING).set(AWAITING_ATTEMPT, true).set("nextAttemptAt", now)
                .set("leaseUntil", Instant.EPOCH);
    }
}
