package io.hirepipe.notification.privacy;

import io.hirepipe.contracts.events.CandidateErasureRequested;
import io.hirepipe.defaults.privacy.CandidateDataEraser;
import io.hirepipe.notification.delivery.DeliveryKind;
import io.hirepipe.notification.delivery.DeliveryStatus;
import io.hirepipe.notification.delivery.EmailDelivery;
import io.hirepipe.notification.webhook.WebhookAttempt;
import io.hirepipe.notification.webhook.WebhookDelivery;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What this service holds of a candidate: the email delivery log (the candidate's address on their own
 * emails; their name in the subject of the recruiter's; a message still due for retry, encrypted) and webhook
 * delivery copies (ids and scores, no names, but copies of the candidate's events all the same).
 *
 * <ul>
 *   <li>Erasure keeps each delivery's record (when, which event, sent or not) but removes recipient (of emails
 *       to the candidate), subject, pending message and last error; an email still due is given up. Webhook
 *       deliveries naming the candidate's invitations or sessions are deleted with their attempts.</li>
 *   <li>Retention (anchor: the delivery's creation, which follows scoring by seconds for the reports) deletes
 *       finished email deliveries and webhook deliveries with their attempts; pending ones wait for the next run.</li>
 * </ul>
 * Partner callbacks hold the ATS's callback URL and a sealed key, no name or email, and are left alone;
 * tenant contacts are staff addresses.
 */
@Component
class NotificationCandidateData implements CandidateDataEraser {

    static final String ERASED_AT = "erasedAt";
    /** The erasure that erased the delivery, so a re-run of that request counts it again. */
    static final String ERASURE_ID = "erasureId";
    private static final List<String> TO_CANDIDATE = Arrays.stream(DeliveryKind.values())
            .filter(DeliveryKind::toCandidate).map(Enum::name).toList();

    private final MongoTemplate mongo;
    private final Clock clock;

    NotificationCandidateData(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public Map<String, Long> erase(String tenantId, CandidateErasureRequested request) {
        List<String> refs = Stream.concat(request.invitationIds().stream(), request.sessionIds().stream()).toList();
        Set<String> deliveryIds = new LinkedHashSet<>();
        if (!refs.isEmpty()) {
            Query about = Query.query(Criteria.where("tenantId").is(tenantId).and("subjectRef").in(refs)
                    .and(ERASED_AT).exists(false));
            about.fields().include("_id");
            mongo.find(about, Document.class, EmailDelivery.COLLECTION).forEach(d -> deliveryIds.add(d.getString("_id")));
        }
        if (request.emailSha256() != null) {
            deliveryIds.addAll(toAddressHashed(tenantId, request.emailSha256()));
        }
        for (String id : deliveryIds) {
            eraseDelivery(tenantId, id, request.erasureId());
        }
        // what this request erased, whether in this run or in one that stopped before it could answer
        long emails = mongo.count(Query.query(Criteria.where("tenantId").is(tenantId)
                .and(ERASURE_ID).is(request.erasureId())), EmailDelivery.COLLECTION);
        long webhooks = deleteWebhookCopies(tenantId, Criteria.where("body").regex(anyOf(refs)), refs.isEmpty());
        return Map.of(EmailDelivery.COLLECTION, emails, WebhookDelivery.COLLECTION, webhooks);
    }

    @Override
    public Map<String, Long> removeExpired(String tenantId, Instant cutoff) {
        long emails = mongo.remove(Query.query(Criteria.where("tenantId").is(tenantId).and("createdAt").lt(cutoff)
                        .and("status").in(DeliveryStatus.SENT, DeliveryStatus.FAILED)), EmailDelivery.COLLECTION)
                .getDeletedCount();
        long webhooks = deleteWebhookCopies(tenantId, Criteria.where("createdAt").lt(cutoff)
                .and("status").ne(WebhookDelivery.Status.PENDING), false);
        return Map.of(EmailDelivery.COLLECTION, emails, WebhookDelivery.COLLECTION, webhooks);
    }

    private long eraseDelivery(String tenantId, String id, String erasureId) {
        Document delivery = mongo.findById(id, Document.class, EmailDelivery.COLLECTION);
        if (delivery == null || !tenantId.equals(delivery.getString("tenantId")) || delivery.containsKey(ERASED_AT)) {
            return 0;
        }
        Update update = new Update().unset("subject").unset("pendingMessage").unset("lastError").unset("nextAttemptAt")
                .set(ERASED_AT, clock.instant()).set(ERASURE_ID, erasureId);
        if (DeliveryKind.valueOf(delivery.getString("kind")).toCandidate()) {
            update.unset("recipient");
        }
        String status = delivery.getString("status");
        if (DeliveryStatus.PENDING.name().equals(status) || DeliveryStatus.RETRYING.name().equals(status)) {
            update.set("status", DeliveryStatus.FAILED);
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(ERASED_AT).exists(false)), update,
                EmailDelivery.COLLECTION).getModifiedCount();
    }

    /** Emails sent to the candidate's address, found by its hash (the address itself never travels). */
    private List<String> toAddressHashed(String tenantId, String emailSha256) {
        Query toCandidates = Query.query(Criteria.where("tenantId").is(tenantId)
                .and("kind").in(TO_CANDIDATE).and("recipient").exists(true));
        toCandidates.fields().include("_id", "recipient");
        List<String> ids = new ArrayList<>();
        for (Document delivery : mongo.find(toCandidates, Document.class, EmailDelivery.COLLECTION)) {
            if (emailSha256.equals(CandidateErasureRequested.emailSha256Of(delivery.getString("recipient")))) {
                ids.add(delivery.getString("_id"));
            }
        }
        return ids;
    }

    private long deleteWebhookCopies(String tenantId, Criteria which, boolean nothingToMatch) {
        if (nothingToMatch) {
            return 0;
        }
        Query copies = Query.query(new Criteria().andOperator(Criteria.where("tenantId").is(tenantId), which));
        copies.fields().include("_id");
        List<String> ids = mongo.find(copies, Document.class, WebhookDelivery.COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
        if (ids.isEmpty()) {
            return 0;
        }
        mongo.remove(Query.query(Criteria.where("tenantId").is(tenantId).and("deliveryId").in(ids)), WebhookAttempt.COLLECTION);
        return mongo.remove(Query.query(Criteria.where("tenantId").is(tenantId).and("_id").in(ids)),
                WebhookDelivery.COLLECTION).getDeletedCount();
    }

    /** A regex matching any of the ids as a quoted JSON string. */
    private static String anyOf(List<String> ids) {
        return ids.stream().map(id -> Pattern.quote("\"" + id + "\"")).collect(Collectors.joining("|"));
    }
}
