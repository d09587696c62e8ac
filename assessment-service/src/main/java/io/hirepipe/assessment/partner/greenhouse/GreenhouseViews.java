package io.hirepipe.assessment.partner.greenhouse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Map;

/** The response bodies of Greenhouse's Assessment API, in its snake_case names. */
final class GreenhouseViews {

    private GreenhouseViews() {
    }

    /** One entry of {@code list_tests}. */
    record PartnerTest(@JsonProperty("partner_test_id") String partnerTestId,
                       @JsonProperty("partner_test_name") String partnerTestName) {
    }

    /** The answer to {@code send_test}. */
    record SentTest(@JsonProperty("partner_interview_id") String partnerInterviewId) {
    }

    /**
     * The answer to {@code test_status}. Greenhouse's convention: a property without a value is
     * {@code null}, never left out.
     *
     * @param partnerStatus {@code complete} once the result is final, {@code incomplete} until then
     * @param partnerScore  the final score in percent; null until complete
     * @param metadata      flat, primitive values only, shown in Greenhouse as they are
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TestStatus(@JsonProperty("partner_status") String partnerStatus,
                      @JsonProperty("partner_profile_url") String partnerProfileUrl,
                      @JsonProperty("partner_score") Double partnerScore,
                      @JsonProperty("metadata") Map<String, Object> metadata) {
    }

    /**
     * A tenant's set-up as recruiters see it: whether a callback key is stored, never the key. Before
     * a recruiter set it up, {@code reportTo} and {@code updatedAt} are null.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Settings(String reportTo, boolean callbackKeyStored, Instant updatedAt) {
    }
}
