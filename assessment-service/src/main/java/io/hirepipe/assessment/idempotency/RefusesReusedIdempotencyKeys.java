package io.hirepipe.assessment.idempotency;

import io.hirepipe.defaults.web.Refusal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an operation run through {@link IdempotentRequests}: the API description lists the refusals of its key. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Refusal(status = 409, type = "idempotent-request-in-progress",
        detail = "The first request with Idempotency-Key '7d1f4c2a-9b3e-4f60-a8d5-1c2e3f4a5b6c' is still running; "
                + "retry shortly.")
@Refusal(status = 422, type = "idempotency-key-reused",
        detail = "Idempotency-Key '7d1f4c2a-9b3e-4f60-a8d5-1c2e3f4a5b6c' was used for a different request in the "
                + "last 24 hours; use a new key for a new request.")
@Refusal(status = 410, type = "candidate-erased",
        detail = "The response to this Idempotency-Key named a candidate whose data was erased since; it is not "
                + "replayed and the request is not run again.")
public @interface RefusesReusedIdempotencyKeys {
}
