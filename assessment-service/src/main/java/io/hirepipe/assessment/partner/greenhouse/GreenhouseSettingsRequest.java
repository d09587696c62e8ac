package io.hirepipe.assessment.partner.greenhouse;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A tenant's Greenhouse set-up; a PUT replaces it, except that a missing key keeps the stored one.
 *
 * @param reportTo       who receives the reports (and candidates' questions) of tests sent through Greenhouse
 * @param callbackApiKey the Hirepipe API key the tenant gave Greenhouse: Greenhouse expects it back, as
 *                       the HTTP Basic user name, on the PATCH that says a test is complete. Stored sealed,
 *                       never shown again; left out, the stored one (if any) stays
 */
record GreenhouseSettingsRequest(
        @Schema(example = "recruiting-ops@acme.example") @NotBlank @Email @Size(max = 254) String reportTo,
        @Schema(example = "hp_3kZq_Xc8Lm2Wp7Kd4Rt9Vb3Nc") @Size(max = 170) @Pattern(regexp = "^hp_[A-Za-z0-9_-]+$", message = "must be a Hirepipe API key (hp_...)")
        String callbackApiKey) {

    /** Spring MVC logs request bodies by toString at DEBUG; a record's would print the key. */
    @Override
    public String toString() {
        return "GreenhouseSettingsRequest[callbackApiKey " + (callbackApiKey == null ? "absent" : "hidden") + "]";
    }
}
