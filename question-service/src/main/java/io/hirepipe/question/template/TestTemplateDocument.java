package io.hirepipe.question.template;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A test: the template sessions are started from. It pins each question to the version that was
 * published when the test was created, so later edits never change a test under a candidate.
 *
 * @param totalPoints the sum of the pinned versions' points
 */
@Document(TestTemplateDocument.COLLECTION)
record TestTemplateDocument(
        @Id String id,
        String tenantId,
        String title,
        String description,
        int durationMinutes,
        int passMarkPercent,
        List<Section> sections,
        int totalPoints,
        Instant createdAt) {

    static final String COLLECTION = "tests";

    record Section(String title, List<QuestionRef> questions) {
    }

    /** One pinned question version. */
    record QuestionRef(String questionId, int version) {
    }

    List<QuestionRef> questionRefs() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }
}
