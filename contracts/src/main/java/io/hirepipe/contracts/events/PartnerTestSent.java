package io.hirepipe.contracts.events;

import java.time.Instant;

/**
 * An assessment partner (an ATS such as Greenhouse) had an invitation sent through its partner API
 * and named where to signal completion. notification-service keeps the callback and calls it once
 * the invitation's result is final.
 *
 * @param partner            which partner contract, e.g. {@code greenhouse}
 * @param partnerInterviewId the id the partner knows this test instance by
 * @param callbackUrl        where the partner wants to be told the test is complete (checked against
 *                           the partner's host allow-list before it was accepted); null if none was given
 * @param sealedCallbackKey  the credential the partner expects on the callback (for Greenhouse: the
 *                           tenant's API key, sent as the HTTP Basic user name), sealed for
 *                           notification-service like InvitationCreated's link; null when the tenant
 *                           stored none. Never in plain text on the wire.
 */
public record PartnerTestSent(
        String invitationId,
        String partner,
        String partnerInterviewId,
        String callbackUrl,
        String sealedCallbackKey,
        Instant sentAt) implements EventPayload {

    @Override
    public String partitionKey() {
        return invitationId;
    }
}
