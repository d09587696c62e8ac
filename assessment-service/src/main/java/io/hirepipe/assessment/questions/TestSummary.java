package io.hirepipe.assessment.questions;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What question-service says about a test at invitation time ({@code GET /api/tests/{id}}).
 *
 * @param description      the test's instructions for the candidate, if it has any: its {@code instructions}
 *                         when question-service sends them, else its description
 * @param sections         read only to count the questions, for question-service versions without a count
 * @param instructions     what the candidate reads before starting; absent from older question-service
 * @param reportedQuestionCount how many questions a candidate gets, pools included ({@code questionCount});
 *                         absent from older question-service
 * @param publishedVersion the version sessions start from; absent (older question-service) counts as published
 * @param status           DRAFT, PUBLISHED or RETIRED; absent from older question-service
 */
public record TestSummary(String title, String description, int durationMinutes, int passMarkPercent,
                          List<Section> sections, String instructions,
                          @JsonProperty("questionCount") Integer reportedQuestionCount,
                          Integer publishedVersion, String status) {

    public record Section(List<Object> questions) {
    }

    public TestSummary {
        sections = sections == null ? List.of() : List.copyOf(sections);
        description = instructions != null && !instructions.isBlank() ? instructions : description;
    }

    public TestSummary(String title, int durationMinutes, int passMarkPercent) {
        this(title, null, durationMinutes, passMarkPercent, List.of(), null, null, null, null);
    }

    public int questionCount() {
        return reportedQuestionCount != null ? reportedQuestionCount
                : sections.stream().mapToInt(s -> s.questions() == null ? 0 : s.questions().size()).sum();
    }

    /** A published test whose next version is a draft: what it reads as is not what sessions start from. */
    public boolean beingEdited() {
        return "DRAFT".equals(status) && publishedVersion != null;
    }

    /** A draft never published, or a retired test, cannot be taken, so it is not offered to new candidates. */
    public boolean offered() {
        // A published test being edited reads DRAFT but keeps serving its published version.
        return status == null || "PUBLISHED".equals(status) || ("DRAFT".equals(status) && publishedVersion != null);
    }
}
