package io.hirepipe.question.template;

import io.hirepipe.defaults.web.Refusal;
import io.hirepipe.defaults.web.IfMatch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an operation that writes through {@link IfMatch}: the API description lists its two refusals. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Refusal(status = 412, type = "precondition-failed",
        detail = "Test 't_8ZpQ3vN6cJw1TfHs' changed since you read it (If-Match no longer matches); read it again "
                + "and retry.")
@Refusal(status = 409, type = "concurrent-modification",
        detail = "Test 't_8ZpQ3vN6cJw1TfHs' is being changed concurrently; retry the request.")
public @interface RefusesStaleTestIfMatch {
}
