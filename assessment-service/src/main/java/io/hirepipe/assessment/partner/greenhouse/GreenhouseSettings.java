package io.hirepipe.assessment.partner.greenhouse;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A tenant's Greenhouse set-up, one per tenant (its id). Greenhouse's {@code send_test} names no
 * recruiter, so the report of every test sent through Greenhouse goes to {@code reportTo}.
 *
 * @param sealedCallbackKey the API key the tenant gave Greenhouse, which Greenhouse expects back on
 *                          the completion PATCH; sealed for notification-service at once, so this
 *                          service can never read it again. Null when none was stored.
 */
@Document(GreenhouseSettings.COLLECTION)
record GreenhouseSettings(@Id String tenantId, String reportTo, String sealedCallbackKey, Instant updatedAt,
                          String updatedBy) {

    static final String COLLECTION = "greenhouse_settings";
}
