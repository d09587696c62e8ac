package io.hirepipe.assessment.questions;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalToken;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import java.util.Optional;

/**
 * The bare HTTP calls to question-service, made as this service acting for the tenant. A 404 is an
 * answer (no such test for this tenant), not a failure, so it never counts against the breaker.
 */
class QuestionServiceHttp {

    static final String SERVICE_NAME = "assessment-service";

    private final RestClient rest;
    private final InternalToken internalToken;

    QuestionServiceHttp(RestClient rest, InternalToken internalToken) {
        this.rest = rest;
        this.internalToken = internalToken;
    }

    /**
     * The test as an invitation made now announces it. A published test someone is editing reads as its draft, so
     * its published version is asked for as well: the candidate is told the title and time the session will give.
     * A question-service without that endpoint (404) leaves the test as read.
     */
    Optional<TestSummary> test(String tenantId, String testId) {
        return get(tenantId, "/api/tests/{id}", testId, TestSummary.class)
                .map(test -> test.beingEdited()
                        ? get(tenantId, "/api/tests/{id}/published", testId, TestSummary.class).orElse(test)
                        : test);
    }

    Optional<TestDelivery> delivery(String tenantId, String testId, String sessionId) {
        return get(tenantId, "/api/tests/{id}/delivery?sessionId={sessionId}", TestDelivery.class, testId, sessionId);
    }

    /** One page of the tenant's tests, asking for published ones (question-service may not filter yet). */
    TestListing.Page tests(String tenantId, String cursor) {
        return rest.get()
                .uri(uri -> {
                    uri.path("/api/tests").queryParam("status", "PUBLISHED").queryParam("limit", TestListing.PAGE_SIZE);
                    if (cursor != null) {
                        uri.queryParam("cursor", cursor);
                    }
                    return uri.build();
                })
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + internalToken.issue(Caller.service(tenantId, SERVICE_NAME)))
                .retrieve()
                .body(TestListing.Page.class);
    }

    private <T> Optional<T> get(String tenantId, String path, String testId, Class<T> type) {
        return get(tenantId, path, type, testId);
    }

    private <T> Optional<T> get(String tenantId, String path, Class<T> type, Object... variables) {
        try {
            return Optional.ofNullable(rest.get()
                    .uri(path, variables)
                    .header(HttpHeaders.AUTHORIZATION,
                            "Bearer " + internalToken.issue(Caller.service(tenantId, SERVICE_NAME)))
                    .retrieve()
                    .body(type));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }
}
