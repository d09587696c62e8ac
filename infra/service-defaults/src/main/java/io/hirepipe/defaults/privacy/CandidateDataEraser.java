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
     * Idempotent: a repeated or redelivered request changes nothing more and counts zeros.
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
