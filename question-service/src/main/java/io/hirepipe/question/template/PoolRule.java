package io.hirepipe.question.template;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import java.util.List;

/**
 * "Draw {@code count} from category {@code category}, difficulty {@code difficultyMin}–{@code difficultyMax}",
 * optionally only questions carrying every one of {@code tags}. Drawn per session, from the questions
 * published when the session starts.
 */
record PoolRule(@Schema(example = "system-design") String category,
                @ArraySchema(schema = @Schema(example = "databases")) List<String> tags,
                @Schema(example = "2") int difficultyMin,
                @Schema(example = "4") int difficultyMax,
                @Schema(example = "3") int count) {

    PoolRule {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The rule in the words a recruiter wrote it, for problems that name it. */
    String describe() {
        return "draw " + count + " from category '" + category + "'"
                + (tags.isEmpty() ? "" : " tagged " + tags)
                + ", difficulty " + difficultyMin + "-" + difficultyMax;
    }
}
