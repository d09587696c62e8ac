package io.hirepipe.assessment.invitation;

import org.springframework.data.annotation.PersistenceCreator;

import java.util.List;
import java.util.Map;

/**
 * Integrity signals reported by the candidate's browser, kept for the recruiter.
 *
 * @param recorded how many signals are stored (at most the configured cap)
 * @param dropped  signals refused because the cap was reached: a flood is itself worth knowing
 * @param counts   signals per type, counted even when dropped
 */
public record Integrity(int recorded, int dropped, Map<String, Integer> counts, List<Signal> signals) {

    public Integrity {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    /** From MongoDB: the counters only grow by {@code $inc}, so one never incremented is absent and reads as zero. */
    @PersistenceCreator
    Integrity(Integer recorded, Integer dropped, Map<String, Integer> counts, List<Signal> signals) {
        this(recorded == null ? 0 : recorded, dropped == null ? 0 : dropped, counts, signals);
    }
}
