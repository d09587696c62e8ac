package io.hirepipe.gateway.identity;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A customer organisation; every other object in the platform belongs to exactly one. */
@Document(Tenant.COLLECTION)
public record Tenant(@Id String tenantId, String name, Instant createdAt) {

    public static final String COLLECTION = "tenants";
}
