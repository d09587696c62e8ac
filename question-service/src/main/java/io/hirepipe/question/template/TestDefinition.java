package io.hirepipe.question.template;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What a test version says: everything publishing freezes.
 *
 * @param instructions   shown to the candidate before they start, null when none
 * @param totalPoints    the points of the fixed questions; pooled questions add theirs per session
 */
record TestDefinition(
        String title,
        String description,
        String instructions,
        int durationMinutes,
        int passMarkPercent,
        List<Section> sections,
        boolean shuffleQuestions,
        boolean shuffleOptions,
        int totalPoints) {

    TestDefinition {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** Fixed questions (pinned versions), or a pool rule drawn per session; never both. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Section(@Schema(example = "System design") String title, List<QuestionRef> questions, PoolRule pool) {

        Section {
            questions = questions == null ? List.of() : List.copyOf(questions);
        }
    }

    /** One pinned question version. */
    record QuestionRef(@Schema(example = "q_4GkR7wP2xYb9LmN3") String questionId, @Schema(example = "2") int version) {
    }

    List<QuestionRef> fixedRefs() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    int questionCount() {
        return sections.stream().mapToInt(s -> s.pool() == null ? s.questions().size() : s.pool().count()).sum();
    }
}
