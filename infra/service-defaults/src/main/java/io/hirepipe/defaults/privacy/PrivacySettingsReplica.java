package io.hirepipe.defaults.privacy;

import io.hirepipe.contracts.events.PrivacySettingsChanged;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every tenant's latest privacy settings, one document per tenant in {@value #COLLECTION}
 * ({@code _id} = tenant id, {@code retentionDays}, {@code contactName}, {@code contactEmail}, {@code revision}).
 * In assessment-service, which owns the settings, the same documents are the originals and its own
 * announcements apply as no-ops (their revision is not newer).
 */
public class PrivacySettingsReplica {

    public static final String COLLECTION = "privacy_settings";

    private final MongoTemplate mongo;

    public PrivacySettingsReplica(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the announcement if it is newer than what is held; an older or repeated one changes nothing. */
    public void apply(String tenantId, PrivacySettingsChanged changed) {
        Query olderThanThis = Query.query(Criteria.where("_id").is(tenantId).and("revision").lt(changed.revision()));
        Update update = new Update()
                .set("retentionDays", changed.retentionDays())
                .set("contactName", changed.contactName())
                .set("contactEmail", changed.contactEmail())
                .set("revision", changed.revision())
                .set("updatedAt", changed.changedAt());
        try {
            mongo.upsert(olderThanThis, update, COLLECTION);
        } catch (DuplicateKeyException sameOrNewerHeld) {
            // the tenant's document exists with this revision or a newer one: nothing to do
        }
    }

    /** The tenants that chose a retention, with it in days, in tenant order. */
    public Map<String, Integer> retentionDaysByTenant() {
        Query query = Query.query(Criteria.where("retentionDays").gt(0)).with(org.springframework.data.domain.Sort.by("_id"));
        query.fields().include("retentionDays");
        Map<String, Integer> byTenant = new LinkedHashMap<>();
        for (Document document : mongo.find(query, Document.class, COLLECTION)) {
            byTenant.put(document.getString("_id"), document.get("retentionDays", Number.class).intValue());
        }
        return byTenant;
    }
}
