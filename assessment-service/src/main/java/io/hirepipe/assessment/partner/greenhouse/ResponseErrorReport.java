package io.hirepipe.assessment.partner.greenhouse;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Greenhouse's {@code response_error} request: it could not use one of our answers, and says why.
 * {@code candidate_email} is accepted but deliberately not read: it is not needed to find the cause.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ResponseErrorReport(
        @JsonProperty("api_call") @NotBlank @Size(max = 100) String apiCall,
        @JsonProperty("errors") @NotNull @Size(max = 50) List<@NotNull @Size(max = 1_000) String> errors,
        @JsonProperty("partner_test_id") @Size(max = 100) String partnerTestId,
        @JsonProperty("partner_interview_id") @Size(max = 100) String partnerInterviewId) {
}
