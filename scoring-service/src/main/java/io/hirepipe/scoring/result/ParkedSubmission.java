package io.hirepipe.scoring.result;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A submission waiting for question versions this service has not seen yet. Durable, so that it
 * survives restarts and waits however long the question takes.
 *
 * @param sessionId  one parked submission per session, as there is one result per session
 * @param envelope   the AssessmentSubmitted event exactly as received, in the wire format
 * @param waitingFor the question versions still unknown, as {@code questionId:version}
 */
@Document(ParkedSubmission.COLLECTION)
public record ParkedSubmission(
        @Id String sessionId,
        String tenantId,
        String eventId,
        String envelope,
        List<String> waitingFor,
        Instant parkedAt,
        Instant updatedAt) {

    public static final String COLLECTION = "parked_submissions";

    public ParkedSubmission {
        waitingFor = waitingFor == null ? List.of() : List.copyOf(waitingFor);
    }
}
