package io.hirepipe.defaults.privacy;

import io.hirepipe.contracts.events.CandidateErasureRequested;

import java.util.Map;

/**
 * What one service does when a candidate is erased: remove or anonymise everything it holds of them
 * in this tenant. A service that declares a bean of this type answers every erasure request on
 * {@code hirepipe.privacy.v1} with a {@code CandidateErasureCompleted} of its own.
 */
public interface CandidateDataEraser {

    /**
     * Idempotent: a repeated request changes nothing more. Counts are what this request erased: records it
     * anonymised carry its id, so running the same request again (after a crash before its answer was written)
     * counts them again, while a new request for a candidate already erased counts zeros. Records deleted
     * outright count in the run that deleted them.
     *
     * @return how many records of each kind were changed, by collection name
     */
    Map<String, Long> erase(String tenantId, CandidateErasureRequested request);

    /**
     * Removes or anonymises what the tenant's retention no longer allows.
     *
     * @param cutoff data whose anchor (scoring, submission or delivery time: each service says) is before it has expired
     * @return how many records of each kind were changed, by collection name
     */
    Map<String, Long> removeExpired(String tenantId, java.time.Instant cutoff);
}
