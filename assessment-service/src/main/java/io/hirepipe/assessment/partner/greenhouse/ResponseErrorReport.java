package io.hirepipe.assessment.partner.greenhouse;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
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
        @Schema(example = "test_status") @JsonProperty("api_call") @NotBlank @Size(max = 100) String apiCall,
        @ArraySchema(schema = @Schema(example = "partner_score must be a number")) @JsonProperty("errors") @NotNull @Size(max = 50) List<@NotNull @Size(max = 1_000) String> errors,
        @Schema(example = "t_8ZpQ3vN6cJw1TfHs") @JsonProperty("partner_test_id") @Size(max = 100) String partnerTestId,
        @Schema(example = "inv_Wcj2Ks8Lq4Rt6Yb") @JsonProperty("partner_interview_id") @Size(max = 100) String partnerInterviewId) {
}
