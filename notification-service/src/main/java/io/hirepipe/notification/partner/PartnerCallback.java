package io.hirepipe.notification.partner;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * What notification-service knows of one invitation an ATS partner sent: where to signal completion
 * (from PartnerTestSent) and whether assessment-service has applied its final result (from
 * PartnerResultReady). The two may arrive in either order, so whichever comes second triggers the callback.
 *
 * @param sealedCallbackKey the partner's credential, still sealed for this service; opened only for a request
 * @param finalAt           when the result became final (as first announced); null while it is not known to be
 */
@Document(PartnerCallback.COLLECTION)
record PartnerCallback(
        @Id String invitationId,
        String tenantId,
        String partner,
        String partnerInterviewId,
        String callbackUrl,
        String sealedCallbackKey,
        Instant registeredAt,
        Instant finalAt) {

    static final String COLLECTION = "partner_callbacks";

    boolean readyToCall() {
        return callbackUrl != null && finalAt != null;
    }
}
