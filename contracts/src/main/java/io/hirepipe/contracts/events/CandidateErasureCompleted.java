package io.hirepipe.contracts.events;

import java.time.Instant;
import java.util.Map;

/**
 * One service erased (or anonymised) what it held of a candidate.
 *
 * @param service       the answering service's name ({@code spring.application.name})
 * @param removedCounts how many records of each kind it changed, e.g. {@code {"results": 1}}; zeros on a repeat
 */
public record CandidateErasureCompleted(String erasureId, String service, Map<String, Long> removedCounts,
                                        Instant completedAt) implements EventPayload {

    public CandidateErasureCompleted {
        removedCounts = removedCounts == null ? Map.of() : Map.copyOf(removedCounts);
    }

    @Override
    public String partitionKey() {
        return erasureId;
    }
}
