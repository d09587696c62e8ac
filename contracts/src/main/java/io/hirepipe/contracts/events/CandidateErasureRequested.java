package io.hirepipe.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * An admin asked to erase one candidate. Carries ids and a hash, never the email itself, so the
 * privacy topic does not become one more copy of what is being erased.
 *
 * @param invitationIds the candidate's invitations in this tenant (may be empty: an unknown email)
 * @param sessionIds    the sessions of those invitations that were started
 * @param emailSha256   hex SHA-256 of the trimmed, lower-cased email; null when erased by invitation id
 */
public record CandidateErasureRequested(String erasureId, List<String> invitationIds, List<String> sessionIds,
                                        String emailSha256, Instant requestedAt) implements EventPayload {

    public CandidateErasureRequested {
        invitationIds = invitationIds == null ? List.of() : List.copyOf(invitationIds);
        sessionIds = sessionIds == null ? List.of() : List.copyOf(sessionIds);
    }

    @Override
    public String partitionKey() {
        return erasureId;
    }
}
