package io.hirepipe.question.template;

import java.time.Instant;
import java.util.List;

/** A test as recruiters, platform clients and services see it: pinned question versions, no content. */
record TestTemplateView(
        String id,
        String title,
        String description,
        int durationMinutes,
        int passMarkPercent,
        List<TestTemplateDocument.Section> sections,
        int totalPoints,
        Instant createdAt) {

    static TestTemplateView of(TestTemplateDocument test) {
        return new TestTemplateView(test.id(), test.title(), test.description(), test.durationMinutes(),
                test.passMarkPercent(), test.sections(), test.totalPoints(), test.createdAt());
    }
}
