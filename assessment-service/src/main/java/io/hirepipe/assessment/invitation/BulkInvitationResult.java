package io.hirepipe.assessment.invitation;

import io.swagger.v3.oas.annotations.media.Schema;
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
    public record Row(@Schema(example = "0") int index,
                      Outcome outcome,
                      @Schema(example = "inv_Wcj2Ks8Lq4Rt6Yb") String invitationId,
                      @Schema(example = "https://hirepipe.example/take#token=it_Zx8\u2026") String accessUrl,
                      @Schema(example = "{\"type\": \"https://hirepipe.io/problems/already-invited\", \"title\": \"Already invited\", \"status\": 409, \"detail\": \"ada@example.org already has an open invitation to this test.\"}") Map<String, Object> problem) {

        /**
         * Spring MVC logs bodies by toString at DEBUG; a record's would print the candidate's link, and a refusal may
         * name the candidate's email.
         */
        @Override
        public String toString() {
            return "Row[index=" + index + ", outcome=" + outcome + ", invitationId=" + invitationId + ", accessUrl "
                    + (accessUrl == null ? "absent" : "hidden") + ", problem "
                    + (problem == null ? "absent" : "hidden") + "]";
        }
    }
}
