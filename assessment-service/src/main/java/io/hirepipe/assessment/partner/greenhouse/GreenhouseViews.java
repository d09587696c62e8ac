package io.hirepipe.assessment.partner.greenhouse;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Map;

/** The response bodies of Greenhouse's Assessment API, in its snake_case names. */
final class GreenhouseViews {

    private GreenhouseViews() {
    }

    /** One entry of {@code list_tests}. */
    record PartnerTest(@Schema(example = "t_8ZpQ3vN6cJw1TfHs") @JsonProperty("partner_test_id") String partnerTestId,
                       @Schema(example = "Backend basics") @JsonProperty("partner_test_name") String partnerTestName) {
    }

    /** The answer to {@code send_test}. */
    record SentTest(@Schema(example = "inv_Wcj2Ks8Lq4Rt6Yb") @JsonProperty("partner_interview_id") String partnerInterviewId) {
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
    record TestStatus(@Schema(example = "complete") @JsonProperty("partner_status") String partnerStatus,
                      @Schema(example = "https://hirepipe.example/console#/results/ses_HJs7Pq2Xv9Lm4Nc") @JsonProperty("partner_profile_url") String partnerProfileUrl,
                      @Schema(example = "72.5") @JsonProperty("partner_score") Double partnerScore,
                      @Schema(example = "{\"Time taken\": \"38 minutes\", \"Pass mark\": \"60%\"}") @JsonProperty("metadata") Map<String, Object> metadata) {
    }

    /**
     * A tenant's set-up as recruiters see it: whether a callback key is stored, never the key. Before
     * a recruiter set it up, {@code reportTo} and {@code updatedAt} are null.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Settings(@Schema(example = "recruiting-ops@acme.example") String reportTo,
                    boolean callbackKeyStored,
                    Instant updatedAt) {

        /** Spring MVC logs bodies by toString at DEBUG; a record's would print the address reports go to. */
        @Override
        public String toString() {
            return "Settings[callbackKeyStored=" + callbackKeyStored + ", updatedAt=" + updatedAt
                    + ", reportTo hidden]";
        }
    }
}
