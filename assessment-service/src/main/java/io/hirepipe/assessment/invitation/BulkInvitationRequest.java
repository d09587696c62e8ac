package io.hirepipe.assessment.invitation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * Up to {@value #MAX_ROWS} invitations in one request. Rows stay JSON until each is read on its own,
 * so one row with a wrong type is refused alone instead of failing the whole request.
 */
public record BulkInvitationRequest(@NotNull @Size(min = 1, max = MAX_ROWS) List<JsonNode> invitations) {

    public static final int MAX_ROWS = 500;
}
