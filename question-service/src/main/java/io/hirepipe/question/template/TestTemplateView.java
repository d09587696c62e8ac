package io.hirepipe.question.template;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A test as recruiters, platform clients and services see it: its latest version, pinned question
 * versions and pool rules, no question content.
 *
 * @param questionCount    how many questions a candidate gets (fixed ones plus what the pools draw)
 * @param publishedVersion the version sessions start from now, null if never published
 */
record TestTemplateView(
        @Schema(example = "t_8ZpQ3vN6cJw1TfHs") String id,
        @Schema(example = "Backend basics") String title,
        @Schema(example = "Screening test for backend engineers") String description,
        @Schema(example = "Answer every question; you can go back until you submit.") String instructions,
        @Schema(example = "45") int durationMinutes,
        @Schema(example = "60") int passMarkPercent,
        List<TestDefinition.Section> sections,
        boolean shuffleQuestions,
        boolean shuffleOptions,
        @Schema(example = "40") int totalPoints,
        @Schema(example = "10") int questionCount,
        TestStatus status,
        @Schema(example = "2") int version,
        @Schema(example = "1") Integer publishedVersion,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt) {

    /**
     * The version sessions start from now, while a later version may be a draft being edited: what an invitation
     * made now announces (title, time, pass mark, instructions, question count). Status stays the test's own.
     */
    static TestTemplateView ofPublished(TestTemplateDocument test, TestTemplateDocument.PublishedTest published) {
        TestDefinition c = published.content();
        return new TestTemplateView(test.id(), c.title(), c.description(), c.instructions(), c.durationMinutes(),
                c.passMarkPercent(), c.sections(), c.shuffleQuestions(), c.shuffleOptions(), c.totalPoints(),
                c.questionCount(), test.status(), published.version(), test.publishedVersion(), test.createdAt(),
                test.updatedAt(), published.publishedAt());
    }

    static TestTemplateView of(TestTemplateDocument test) {
        TestDefinition c = test.content();
        return new TestTemplateView(test.id(), c.title(), c.description(), c.instructions(), c.durationMinutes(),
                c.passMarkPercent(), c.sections(), c.shuffleQuestions(), c.shuffleOptions(), c.totalPoints(),
                c.questionCount(), test.status(), test.version(), test.publishedVersion(), test.createdAt(),
                test.updatedAt(), test.publishedAt());
    }
}
