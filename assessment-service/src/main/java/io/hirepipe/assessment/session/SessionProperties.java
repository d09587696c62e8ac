package io.hirepipe.assessment.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param grace         how long after the deadline saves are still accepted (network latency of the
 *                      last autosave) and after which the sweep closes the session
 * @param sweepInterval how often the expiry sweep looks for overdue sessions
 * @param sweepBatch    how many overdue sessions one sweep pass closes at most
 * @param maxSignals    integrity signals stored per session; further ones are only counted
 * @param closedCacheTtl how long Redis keeps a closed session (active ones stay until their deadline)
 */
@ConfigurationProperties("hirepipe.sessions")
public record SessionProperties(Duration grace, Duration sweepInterval, int sweepBatch, int maxSignals,
                                Duration closedCacheTtl) {

    public SessionProperties {
        grace = grace == null ? Duration.ofSeconds(10) : grace;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        sweepBatch = sweepBatch <= 0 ? 100 : sweepBatch;
        maxSignals = maxSignals <= 0 ? 1_000 : maxSignals;
        closedCacheTtl = closedCacheTtl == null ? Duration.ofMinutes(10) : closedCacheTtl;
    }
}
