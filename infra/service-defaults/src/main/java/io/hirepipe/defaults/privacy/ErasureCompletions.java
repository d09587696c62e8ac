package io.hirepipe.defaults.privacy;

import io.hirepipe.contracts.events.CandidateErasureCompleted;

/** The service that keeps the erasure requests (assessment-service) learns of each service's completion. */
public interface ErasureCompletions {

    /** Idempotent: a redelivered completion changes nothing. */
    void completed(String tenantId, CandidateErasureCompleted completion);
}
