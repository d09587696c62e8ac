package io.hirepipe.notification.webhook;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

/**
 * The address to tell when a tenant's webhook is disabled. This service keeps no user directory
 * (the gateway owns users), so it remembers the recruiter address events last named for the tenant.
 */
@Component
public class TenantContacts {

    private final MongoTemplate mongo;
    /** What this instance last wrote per tenant: most events name the same recruiter, and need no write. */
    private final Map<String, String> lastWritten = new ConcurrentHashMap<>();

    public TenantContacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void remember(String tenantId, String recruiterEmail, Instant at) {
        if (tenantId == null || recruiterEmail == null || recruiterEmail.isBlank()) {
            return;
        }
        String email = recruiterEmail.strip();
        if (email.equals(lastWritten.get(tenantId))) {
            return;
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(tenantId)),
                new Update().set("recruiterEmail", email).set("seenAt", at), TenantContact.class);
        if (lastWritten.size() > 10_000) {
            lastWritten.clear();
        }
        lastWritten.put(tenantId, email);
    }

    public Optional<String> recruiterEmail(String tenantId) {
        return Optional.ofNullable(mongo.findById(tenantId, TenantContact.class)).map(TenantContact::recruiterEmail);
    }

    @Document("tenant_contacts")
    record TenantContact(@Id String tenantId, String recruiterEmail, Instant seenAt) {
    }
}
