package io.hirepipe.contracts.events;

import java.time.Instant;
import java.util.Map;

/**
 * Someone did something security- or fairness-relevant: the gateway stores it in the tenant's audit
 * log. The envelope carries the tenant and the correlation id; the record key is the tenant id, so one
 * tenant's entries stay in order.
 *
 * <p>{@code details} hold only what explains the action (a reason, minutes granted, a new expiry, a row
 * count): never secrets, tokens, answers or a candidate's name or email.
 *
 * @param action     what was done, e.g. {@code score.adjusted}, {@code invitation.revoked}
 * @param actorId    the user id, API key id or service name that did it
 * @param actorKind  RECRUITER, PLATFORM, CANDIDATE or SERVICE
 * @param actorEmail the staff member's email; null for API keys, services and candidates
 * @param targetType what kind of thing was acted on, e.g. {@code session}, {@code invitation}
 * @param targetId   its id
 * @param outcome    SUCCESS or FAILURE
 */
public record AuditRecorded(
        String action,
        String actorId,
        String actorKind,
        String actorEmail,
        String targetType,
        String targetId,
        String outcome,
        Map<String, String> details,
        Instant occurredAt,
        String tenantId) implements EventPayload {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";

    public AuditRecorded {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** Keyed by tenant: the record key is the payload's own copy of the envelope's tenant. */
    @Override
    public String partitionKey() {
        return tenantId;
    }
}
