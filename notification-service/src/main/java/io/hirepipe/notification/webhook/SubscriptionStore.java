package io.hirepipe.notification.webhook;

import io.hirepipe.notification.webhook.WebhookSubscription.StoredSecret;
import jakarta.annotation.PostConstruct;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Subscriptions, always read and written within one tenant; another tenant's id is simply not found. */
@Component
public class SubscriptionStore {

    private final MongoTemplate mongo;

    public SubscriptionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(WebhookSubscription.class).createIndex(new Index()
                .on("tenantId", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC).named("tenant_oldest"));
    }

    public WebhookSubscription insert(WebhookSubscription subscription) {
        return mongo.insert(subscription);
    }

    public Optional<WebhookSubscription> find(String tenantId, String id) {
        return Optional.ofNullable(mongo.findOne(byId(tenantId, id), WebhookSubscription.class));
    }

    public List<WebhookSubscription> list(String tenantId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId))
                .with(Sort.by("createdAt", "_id")), WebhookSubscription.class);
    }

    public long count(String tenantId) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenantId)), WebhookSubscription.class);
    }

    /** The enabled subscriptions of a tenant that asked for this type. */
    public List<WebhookSubscription> subscribedTo(String tenantId, String type) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("enabled").is(true)
                .and("eventTypes").is(type)), WebhookSubscription.class);
    }

    /** Applies {@code update} within the tenant and returns the new state, or empty if there is no such subscription. */
    public Optional<WebhookSubscription> update(String tenantId, String id, Update update, Instant now) {
        return Optional.ofNullable(mongo.findAndModify(byId(tenantId, id), update.set("updatedAt", now),
                FindAndModifyOptions.options().returnNew(true), WebhookSubscription.class));
    }

    /**
     * Replaces the secrets of {@code read} if its current secret is still the one read: a rotation in between would
     * otherwise be overwritten, and the secret it handed out never sign.
     *
     * @return the new state, or empty when another rotation came first (or the subscription is gone)
     */
    public Optional<WebhookSubscription> replaceSecrets(WebhookSubscription read, List<StoredSecret> secrets,
                                                        Instant now) {
        Query unchanged = byId(read.tenantId(), read.id()).addCriteria(read.secrets().isEmpty()
                ? Criteria.where("secrets").size(0)
                : Criteria.where("secrets.0.encrypted").is(read.secrets().get(0).encrypted()));
        return Optional.ofNullable(mongo.findAndModify(unchanged,
                new Update().set("secrets", secrets).set("updatedAt", now),
                FindAndModifyOptions.options().returnNew(true), WebhookSubscription.class));
    }

    public boolean delete(String tenantId, String id) {
        return mongo.remove(byId(tenantId, id), WebhookSubscription.class).getDeletedCount() > 0;
    }

    /** The first failure after a success starts the clock; later failures leave it where it is. */
    public void recordFailure(WebhookSubscription subscription, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(subscription.id()).and("failingSince").is(null)),
                new Update().set("failingSince", at), WebhookSubscription.class);
    }

    public void recordSuccess(WebhookSubscription subscription, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(subscription.id())),
                new Update().set("failingSince", null).set("lastSuccessAt", at), WebhookSubscription.class);
    }

    /**
     * Disables it for what an attempt to {@code attempted}'s URL found, unless it is disabled already or an administrator
     * moved it to another URL meanwhile (what the old receiver answered says nothing of the new one).
     *
     * @param failingUntil when not null, only if it is still failing since then or earlier: re-enabled meanwhile (which
     *                     starts the failure clock again), or a success elsewhere, leaves it enabled
     * @return true when this call disabled it (so one notice is sent)
     */
    public boolean disable(WebhookSubscription attempted, String reason, Instant at, Instant failingUntil) {
        Criteria unchanged = Criteria.where("_id").is(attempted.id()).and("enabled").is(true)
                .and("url").is(attempted.url());
        if (failingUntil != null) {
            unchanged.and("failingSince").lte(failingUntil);
        }
        return mongo.updateFirst(Query.query(unchanged),
                new Update().set("enabled", false).set("disabledReason", reason).set("disabledAt", at)
                        .set("updatedAt", at), WebhookSubscription.class).getModifiedCount() > 0;
    }

    private static Query byId(String tenantId, String id) {
        return Query.query(Criteria.where("_id").is(id).and("tenantId").is(tenantId));
    }
}
