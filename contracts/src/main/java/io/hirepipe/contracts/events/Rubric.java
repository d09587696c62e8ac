package io.hirepipe.contracts.events;

import java.util.List;

/**
 * @param misconceptions wrong statements that cost points; empty from producers before schema version 2
 */
public record Rubric(List<KeyPoint> keyPoints, List<Misconception> misconceptions) {

    public Rubric {
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
    }

    public Rubric(List<KeyPoint> keyPoints) {
        this(keyPoints, List.of());
    }

    public int maxPoints() {
        return keyPoints.stream().mapToInt(KeyPoint::points).sum();
    }
}
