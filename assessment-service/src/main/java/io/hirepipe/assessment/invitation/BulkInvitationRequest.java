package io.hirepipe.assessment.invitation;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * Up to {@value #MAX_ROWS} invitations in one request. Rows stay JSON until each is read on its own,
 * so one row with a wrong type is refused alone instead of failing the whole request.
 */
public record BulkInvitationRequest(
        // Rows are read one by one so a bad row is reported in its place; each has the shape of a single invitation.
        @ArraySchema(schema = @Schema(implementation = CreateInvitationRequest.class))
        @NotNull @Size(min = 1, max = MAX_ROWS) List<JsonNode> invitations) {

    /** Spring MVC logs bodies by toString at DEBUG; a record's would print every row's candidate. */
    @Override
    public String toString() {
        return "BulkInvitationRequest[rows=" + (invitations == null ? 0 : invitations.size()) + ", contents hidden]";
    }

    public static final int MAX_ROWS = 500;
}
