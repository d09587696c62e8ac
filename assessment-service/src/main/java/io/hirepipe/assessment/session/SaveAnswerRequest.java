package io.hirepipe.assessment.session;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * One autosave. Choice questions send {@code selectedOptionIds}, free-text ones {@code text}.
 *
 * @param sequence the client's counter for this question, increasing with every save; saves that
 *                 arrive out of order (a lower or equal number than the stored one) are ignored
 */
public record SaveAnswerRequest(
        @Schema(example = "7") @NotNull @Min(1) Long sequence,
        @ArraySchema(schema = @Schema(example = "b")) @Size(max = 100) List<@NotBlank @Size(max = 100) String> selectedOptionIds,
        @Schema(example = "A token bucket per client in Redis, refilled at 100 per minute.") @Size(max = SaveAnswerRequest.MAX_TEXT) String text) {

    /** Spring MVC logs bodies by toString at DEBUG; a record's would print what the candidate wrote and chose. */
    @Override
    public String toString() {
        return "SaveAnswerRequest[sequence=" + sequence + ", answer hidden]";
    }

    public static final int MAX_TEXT = 20_000;

    public List<String> selectedOrEmpty() {
        return selectedOptionIds == null ? List.of() : selectedOptionIds;
    }
}
