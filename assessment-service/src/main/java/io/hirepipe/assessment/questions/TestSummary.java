package io.hirepipe.assessment.questions;

/** What question-service says about a test at invitation time ({@code GET /api/tests/{id}}). */
public record TestSummary(String title, int durationMinutes, int passMarkPercent) {
}
