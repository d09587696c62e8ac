package io.hirepipe.contracts.events;

import java.time.Instant;

/**
 * assessment-service has applied a final result to an invitation an ATS partner sent (Greenhouse), so
 * the partner's status call now reads it as complete with its score: the partner may be told. Written
 * in the same single-document update that applied the result, so telling the partner can never
 * overtake the result it announces. Travels on the invitations topic keyed by invitation, behind that
 * invitation's {@link PartnerTestSent}. Carries no score and nothing about the candidate: the partner
 * reads those from its status call.
 *
 * <p>Never emitted for a provisional result, nor for an invitation no partner sent. A redelivered
 * results event emits nothing again; a results event applied again to an invitation whose final result
 * was never announced (applied by a build that did not announce) announces it then.
 *
 * @param partner       which partner contract sent the invitation, as in {@link PartnerTestSent#partner()}
 * @param resultVersion 1 when the result first became final; one more for each later change of its
 *                      final totals (a reviewer's adjustment, scoring again after a reopened session).
 *                      The same announcement redelivered has the same version: consumers key on it
 * @param resultAt      when the result reached this state (scored, finalised or adjusted at)
 */
public record PartnerResultReady(
        String invitationId,
        String sessionId,
        String partner,
        int resultVersion,
        Instant resultAt) implements EventPayload {

    @Override
    public String partitionKey() {
        return invitationId;
    }
}
