package io.hirepipe.assessment.idempotency;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One Idempotency-Key a client used, and what its first request answered.
 *
 * @param id          SHA-256 of tenant, caller and key: a key belongs to the person or API key that sent it
 * @param requestHash SHA-256 of method, path and the parsed body: "the same request" means the same of all three
 * @param completed   false while the first request is still running
 * @param status      the first response's status code
 * @param location    its Location header, if any
 * @param body        its JSON body, encrypted ({@link StoredResponseCipher})
 * @param createdAt   when the key was first seen; the record is deleted 24 h later (TTL index)
 */
@Document(IdempotencyRecord.COLLECTION)
record IdempotencyRecord(@Id String id, String tenantId, String requestHash, boolean completed, int status,
                         String location, String body, Instant createdAt) {

    static final String COLLECTION = "idempotency_keys";
}
