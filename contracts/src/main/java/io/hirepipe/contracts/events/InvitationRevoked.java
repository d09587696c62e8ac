package io.hirepipe.contracts.events;

public record InvitationRevoked(String invitationId, String reason) implements EventPayload {

    @Override
    public String partitionKey() {
        return invitationId;
    }
}
