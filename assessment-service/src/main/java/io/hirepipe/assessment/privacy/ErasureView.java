package io.hirepipe.assessment.privacy;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * @param status        ERASED once every service confirmed
 * @param services      DONE or PENDING per service
 * @param removedCounts what each service that confirmed changed, by kind of record
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErasureView(@Schema(example = "era_5Tq8Wm2Kd7Lp3Rx") String erasureId,
                   Erasure.Status status,
                   Instant requestedAt,
                   Instant erasedAt,
                   @Schema(example = "2") int invitationCount,
                   @Schema(example = "{\"assessment-service\": \"DONE\", \"scoring-service\": \"DONE\", \"notification-service\": \"PENDING\"}") Map<String, String> services,
                   @Schema(example = "{\"assessment-service\": {\"invitations\": 2, \"sessions\": 1}, \"scoring-service\": {\"results\": 1}}") Map<String, Map<String, Long>> removedCounts) {

    static ErasureView of(Erasure erasure) {
        return new ErasureView(erasure.id(), erasure.status(), erasure.requestedAt(), erasure.erasedAt(),
                erasure.invitationIds() == null ? 0 : erasure.invitationIds().size(), erasure.services(),
                erasure.removedCounts() == null ? Map.of() : erasure.removedCounts());
    }
}
