package io.hirepipe.scoring.grading;

/**
 * Grades one free-text answer against its rubric. Implementations are pure (no I/O per call) and
 * thread-safe: one instance serves every listener thread.
 */
public interface FreeTextGrader {

    FreeTextGrade grade(String answer, FreeTextRubric rubric);
}
