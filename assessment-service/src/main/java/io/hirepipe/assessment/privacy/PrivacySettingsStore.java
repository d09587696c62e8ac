package io.hirepipe.assessment.privacy;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.PrivacySettingsChanged;
import io.hirepipe.defaults.audit.AuditEvents;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.defaults.privacy.PrivacySettingsReplica;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tenants' privacy settings, owned here. A change and its {@code PrivacySettingsChanged}
 * announcement are one single-document write (the outbox), so every service learns of every change.
 */
@Component
public class PrivacySettingsStore {

    private static final String COLLECTION = PrivacySettingsReplica.COLLECTION;

    private final MongoTemplate mongo;
    private final Clock clock;

    PrivacySettingsStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public PrivacySettings settings(String tenantId) {
        Document document = mongo.findById(tenantId, Document.class, COLLECTION);
        if (document == null) {
            return PrivacySettings.none(tenantId);
        }
        Number days = document.get("retentionDays", Number.class);
        Number revision = document.get("revision", Number.class);
        Object updatedAt = document.get("updatedAt");
        return new PrivacySettings(tenantId, days == null ? null : days.intValue(), document.getString("contactName"),
                document.getString("contactEmail"), revision == null ? 0 : revision.longValue(),
                updatedAt instanceof java.util.Date date ? date.toInstant() : null);
    }

    /** The notice the candidate's welcome page shows; empty until the tenant named a contact. */
    public Optional<PrivacyNotice> notice(String tenantId) {
        PrivacySettings settings = settings(tenantId);
        return settings.contactEmail() == null ? Optional.empty()
                : Optional.of(new PrivacyNotice(settings.contactName(), settings.contactEmail(), settings.retentionDays()));
    }

    /** Replaces the settings if nobody changed them meanwhile (409 otherwise: the admin reloads and retries). */
    PrivacySettings save(Caller caller, PrivacySettingsRequest request) {
        PrivacySettings current = settings(caller.tenantId());
        long revision = current.revision() + 1;
        Instant now = clock.instant();
        PrivacySettings next = new PrivacySettings(caller.tenantId(), request.retentionDays(),
                request.contactName().strip(), request.contactEmail().strip(), revision, now);
        PrivacySettingsChanged changed = new PrivacySettingsChanged(next.tenantId(), next.retentionDays(),
                next.contactName(), next.contactEmail(), revision, now);
        Criteria unchanged = current.revision() == 0
                ? Criteria.where("_id").is(caller.tenantId()).and("revision").exists(false)
                : Criteria.where("_id").is(caller.tenantId()).and("revision").is(current.revision());
        Update update = new Update()
                .set("retentionDays", next.retentionDays())
                .set("contactName", next.contactName())
                .set("contactEmail", next.contactEmail())
                .set("revision", revision)
                .set("updatedAt", now)
                .set("updatedBy", caller.subject());
        // The audit entry travels in the same write: who shortened (or lengthened) how long candidates' data is kept is
        // exactly what a data-protection officer looks up. Staff contact details stay out of the log: the settings
        // hold them, and the entry says only which of them changed.
        Outbox.append(update, EventEnvelope.of(changed, caller.tenantId(), CorrelationId.currentOrNew()),
                AuditEvents.success(caller, "privacy.settings-changed", "privacy-settings", caller.tenantId(),
                        auditDetails(current, next), now));
        try {
            if (mongo.upsert(Query.query(unchanged), update, COLLECTION).getMatchedCount() == 0
                    && current.revision() != 0) {
                throw changedMeanwhile();
            }
        } catch (DuplicateKeyException e) {
            throw changedMeanwhile();
        }
        return next;
    }

    /** Retention before and after ("none": kept until erased), and whether the contact changed. */
    private static Map<String, String> auditDetails(PrivacySettings before, PrivacySettings after) {
        Map<String, String> details = new TreeMap<>();
        details.put("retentionDays", days(after.retentionDays()));
        details.put("previousRetentionDays", days(before.retentionDays()));
        details.put("contactChanged", String.valueOf(!Objects.equals(before.contactName(), after.contactName())
                || !Objects.equals(before.contactEmail(), after.contactEmail())));
        return details;
    }

    private static String days(Integer retentionDays) {
        return retentionDays == null ? "none" : retentionDays.toString();
    }

    private static ProblemException changedMeanwhile() {
        return ProblemException.conflict("settings-changed", "The privacy settings were changed meanwhile; read them again.");
    }
}
