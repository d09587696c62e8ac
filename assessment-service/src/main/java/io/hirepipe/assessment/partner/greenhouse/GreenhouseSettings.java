package io.hirepipe.assessment.partner.greenhouse;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A tenant's Greenhouse set-up, one per tenant (its id). Greenhouse's {@code send_test} names no
 * recruiter, so the report of every test sent through Greenhouse goes to {@code reportTo}.
 */
@Document(GreenhouseSettings.COLLECTION)
record GreenhouseSettings(@Id String tenantId, String reportTo, Instant updatedAt, String updatedBy) {

    static final String COLLECTION = "greenhouse_settings";
}
