package io.hirepipe.question.bank;

import io.hirepipe.defaults.web.IfMatch;
import io.hirepipe.defaults.web.Refusal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an operation that writes a question through {@link IfMatch}: the API description lists its two refusals. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Refusal(status = 412, type = "precondition-failed",
        detail = "Question 'q_4RtY7uKs2Lm9NbVc' changed since you read it (If-Match no longer matches); read it again "
                + "and retry.")
@Refusal(status = 409, type = "concurrent-modification",
        detail = "Question 'q_4RtY7uKs2Lm9NbVc' is being changed concurrently; retry the request.")
public @interface RefusesStaleIfMatch {
}
