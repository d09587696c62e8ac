package io.hirepipe.contracts.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
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

    /** How {@code emailSha256} is made, the one rule producer and readers share: hex SHA-256 of the trimmed, lower-cased email. */
    public static String emailSha256Of(String email) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String partitionKey() {
        return erasureId;
    }
}
