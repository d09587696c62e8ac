package io.hirepipe.defaults.problem;

import org.springframework.http.ProblemDetail;

import java.util.Map;

/**
 * A problem that prints its extension members by name only. Spring's codecs and message converters log the bodies
 * they write by toString at DEBUG and TRACE, and a member can name a person (an invitation that is gone names the
 * recruiter to contact); the client still gets every value.
 */
public class LogSafeProblemDetail extends ProblemDetail {

    public LogSafeProblemDetail(int status) {
        super(status);
    }

    @Override
    protected String initToStringContent() {
        Map<String, Object> properties = getProperties();
        return "type='" + getType() + "', title='" + getTitle() + "', status=" + getStatus() + ", detail='"
                + getDetail() + "', instance='" + getInstance() + "', properties="
                + (properties == null ? "[]" : properties.keySet());
    }
}
