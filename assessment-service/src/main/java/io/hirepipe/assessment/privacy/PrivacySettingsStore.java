package io.hirepipe.assessment.privacy;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.PrivacySettingsChanged;
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
import java.util.Optional;

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
        Outbox.append(update, EventEnvelope.of(changed, caller.tenantId(), CorrelationId.currentOrNew()));
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

    private static ProblemException changedMeanwhile() {
        return ProblemException.conflict("settings-changed", "The privacy settings were changed meanwhile; read them again.");
    }
}
