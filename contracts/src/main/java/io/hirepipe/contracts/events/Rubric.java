package io.hirepipe.contracts.events;

import java.util.List;

public record Rubric(List<KeyPoint> keyPoints) {

    public Rubric {
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
    }

    public int maxPoints() {
        return keyPoints.stream().mapToInt(KeyPoint::points).sum();
    }
}
