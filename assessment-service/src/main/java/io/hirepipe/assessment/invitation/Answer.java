package io.hirepipe.assessment.invitation;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import java.time.Instant;
import java.util.List;

/**
 * The latest save of one question's answer.
 *
 * @param sequence the client's counter for this question; a save with a lower or equal one is stale
 */
public record Answer(@ArraySchema(schema = @Schema(example = "b")) List<String> selectedOptionIds,
                     @Schema(example = "A token bucket per client in Redis, refilled at 100 per minute.") String text,
                     @Schema(example = "7") long sequence,
                     Instant savedAt) {

    /** Spring MVC logs bodies by toString at DEBUG; a record's would print what the candidate wrote and chose. */
    @Override
    public String toString() {
        return "Answer[sequence=" + sequence + ", savedAt=" + savedAt + ", answer hidden]";
    }

    public Answer {
        selectedOptionIds = selectedOptionIds == null ? List.of() : List.copyOf(selectedOptionIds);
    }
}
