package io.hirepipe.faults;

import java.time.Duration;
import java.util.List;

/**
 * One row of the fault report.
 *
 * @param recovery from the end of the fault (the process restarted, the broker back) until every expected
 *                 effect was seen; {@code null} when the effects never all arrived
 * @param checks   further conditions the scenario asserts, each with its outcome, e.g. "poison on the DLT in 0.4 s"
 */
record ScenarioResult(String id, String fault, String load, int invited, Edges.Count count, Duration recovery,
                      List<Check> checks, List<String> candidateFailures) {

    record Check(String what, boolean passed) {
    }

    boolean passed() {
        return count != null && count.lost() == 0 && count.duplicates() == 0 && count.expected() == invited
                && checks.stream().allMatch(Check::passed);
    }

    static ScenarioResult failedToRun(String id, String fault, String load, Exception e) {
        return new ScenarioResult(id, fault, load, 0, null, null, List.of(new Check("ran: " + e, false)), List.of());
    }
}
