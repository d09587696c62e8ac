package io.hirepipe.defaults.audit;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.CallerKind;

import java.time.Instant;
import java.util.Map;

/**
 * Builds the {@link AuditRecorded} event a service puts in its outbox beside the state change it
 * audits, so the entry is published if and only if the change was stored.
 */
public final class AuditEvents {

    private AuditEvents() {
    }

    /**
     * A successful action by {@code caller}. {@code details} must hold no secrets, answers or candidate
     * personal data: they are kept in the audit log for as long as the log is.
     */
    public static EventEnvelope<AuditRecorded> success(Caller caller, String action, String targetType, String targetId,
                                                       Map<String, String> details, Instant at) {
        // Only staff are named by email: a candidate's email is personal data the log must not copy.
        String email = caller.is(CallerKind.RECRUITER) ? caller.email() : null;
        AuditRecorded entry = new AuditRecorded(action, caller.subject(), caller.kind().name(), email, targetType,
                targetId, AuditRecorded.SUCCESS, details, at, caller.tenantId());
        return EventEnvelope.of(entry, caller.tenantId(), CorrelationId.currentOrNew(), at);
    }
}
