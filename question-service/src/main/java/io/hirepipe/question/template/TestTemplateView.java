package io.hirepipe.question.template;

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
        String id,
        String title,
        String description,
        String instructions,
        int durationMinutes,
        int passMarkPercent,
        List<TestDefinition.Section> sections,
        boolean shuffleQuestions,
        boolean shuffleOptions,
        int totalPoints,
        int questionCount,
        TestStatus status,
        int version,
        Integer publishedVersion,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt) {

    static TestTemplateView of(TestTemplateDocument test) {
        TestDefinition c = test.content();
        return new TestTemplateView(test.id(), c.title(), c.description(), c.instructions(), c.durationMinutes(),
                c.passMarkPercent(), c.sections(), c.shuffleQuestions(), c.shuffleOptions(), c.totalPoints(),
                c.questionCount(), test.status(), test.version(), test.publishedVersion(), test.createdAt(),
                test.updatedAt(), test.publishedAt());
    }
}
