package io.hirepipe.defaults.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 409, 410, 412 or 422 problem an operation really answers, declared beside the operation so the API description
 * lists it with this example ({@link RefusalResponses}). Only operations that declare one get a 409, 410, 412 or
 * 422 in the description: a client should not have to handle a refusal the operation never makes. On a controller
 * class it applies to each of its operations; on an annotation, to each operation that annotation marks (refusals
 * several operations share, such as an idempotency key's).
 * <p>
 * The detail is an example in the words the service uses, with example ids.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(Refusal.List.class)
public @interface Refusal {

    /**
     * 409 (the record's state does not allow it now), 410 (what the request names is gone for good: a revoked
     * or expired invitation), 412 (If-Match names a state the record has left) or 422 (well-formed, but cannot
     * be carried out).
     */
    int status();

    /** The problem type's slug, as the service throws it. */
    String type();

    /** Defaults to the title {@code ProblemException} gives the status. */
    String title() default "";

    String detail();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @interface List {
        Refusal[] value();
    }
}
