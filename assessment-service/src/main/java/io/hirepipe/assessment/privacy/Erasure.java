package io.hirepipe.assessment.privacy;

import io.hirepipe.defaults.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One erasure request and how far it got. Holds ids only: never the email or name it erased (the
 * request is kept as the record that erasure happened).
 *
 * @param requestedBy   the admin's user id
 * @param subject       EMAIL or INVITATION: what the admin named
 * @param services      per service expected to answer: PENDING until its completion arrives, then DONE
 * @param removedCounts per service, what it reported it changed
 */
@Document(Erasure.COLLECTION)
record Erasure(
        @Id String id,
        String tenantId,
        String requestedBy,
        Instant requestedAt,
        String subject,
        List<String> invitationIds,
        List<String> sessionIds,
        Status status,
        Map<String, String> services,
        Map<String, Map<String, Long>> removedCounts,
        Instant erasedAt,
        List<OutboxMessage> outbox) {

    static final String COLLECTION = "privacy_erasures";
    static final String DONE = "DONE";
    static final String PENDING = "PENDING";

    enum Status { PENDING, ERASED }
}
