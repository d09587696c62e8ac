package io.hirepipe.assessment.questions;

import java.util.List;

/**
 * What question-service says about a test at invitation time ({@code GET /api/tests/{id}}).
 *
 * @param description the test's instructions for the candidate, if it has any
 * @param sections    read only to count the questions the candidate will get
 */
public record TestSummary(String title, String description, int durationMinutes, int passMarkPercent,
                          List<Section> sections) {

    public record Section(List<Object> questions) {
    }

    public TestSummary {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public TestSummary(String title, int durationMinutes, int passMarkPercent) {
        this(title, null, durationMinutes, passMarkPercent, List.of());
    }

    public int questionCount() {
        return sections.stream().mapToInt(s -> s.questions() == null ? 0 : s.questions().size()).sum();
    }
}
