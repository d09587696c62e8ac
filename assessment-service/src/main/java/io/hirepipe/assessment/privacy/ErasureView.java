package io.hirepipe.assessment.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * @param status        ERASED once every service confirmed
 * @param services      DONE or PENDING per service
 * @param removedCounts what each service that confirmed changed, by kind of record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErasureView(String erasureId, Erasure.Status status, Instant requestedAt, Instant erasedAt,
                   int invitationCount, Map<String, String> services, Map<String, Map<String, Long>> removedCounts) {

    static ErasureView of(Erasure erasure) {
        return new ErasureView(erasure.id(), erasure.status(), erasure.requestedAt(), erasure.erasedAt(),
                erasure.invitationIds() == null ? 0 : erasure.invitationIds().size(), erasure.services(),
                erasure.removedCounts() == null ? Map.of() : erasure.removedCounts());
    }
}
