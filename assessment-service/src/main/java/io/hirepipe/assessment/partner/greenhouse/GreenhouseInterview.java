package io.hirepipe.assessment.partner.greenhouse;

import io.hirepipe.defaults.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A test Greenhouse sent through {@code send_test}: which invitation it became (its id is the
 * {@code partner_interview_id} Greenhouse knows) and where Greenhouse wants to hear that it is
 * complete. Inserted with the PartnerTestSent event in its outbox, so the callback reaches
 * notification-service at least once.
 *
 * @param apiKeyId         which of the tenant's API keys sent it, for the record
 * @param invitationMarked its invitation carries the partner mark (see {@code Invitation.partner}): true for every
 *                         interview made since invitations carry it; missing on older ones until
 *                         {@link GreenhouseInvitationMarks} marked their invitation
 */
@Document(GreenhouseInterview.COLLECTION)
record GreenhouseInterview(
        @Id String id,
        String tenantId,
        String testId,
        String callbackUrl,
        String apiKeyId,
        Instant createdAt,
        List<OutboxMessage> outbox,
        Boolean invitationMarked) {

    static final String COLLECTION = "greenhouse_interviews";
    static final String INVITATION_MARKED = "invitationMarked";
}
