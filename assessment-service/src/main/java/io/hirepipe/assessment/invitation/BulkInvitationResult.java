package io.hirepipe.assessment.invitation;

import java.util.List;
import java.util.Map;

/** One row per requested invitation, in request order. */
public record BulkInvitationResult(List<Row> rows) {

    public enum Outcome { INVITED, ALREADY_INVITED, REFUSED }

    /**
     * @param invitationId the new invitation (INVITED) or the active one the candidate already has (ALREADY_INVITED)
     * @param accessUrl    the candidate's link, for INVITED rows only, as a single create returns it
     * @param problem      why the row was refused or not created, as problem+json members; null for INVITED
     */
    public record Row(int index, Outcome outcome, String invitationId, String accessUrl, Map<String, Object> problem) {
    }
}
