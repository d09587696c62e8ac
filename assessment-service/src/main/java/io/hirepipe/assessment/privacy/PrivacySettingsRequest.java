package io.hirepipe.assessment.privacy;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A tenant's privacy settings; a PUT replaces all of them.
 *
 * @param retentionDays candidate data is removed this many days after scoring; null keeps it
 * @param contactName   who candidates ask about their data, shown on their welcome page
 * @param contactEmail  where they write
 */
record PrivacySettingsRequest(
        @Schema(example = "365") @Min(30) @Max(3650) Integer retentionDays,
        @Schema(example = "Acme Privacy Office") @NotBlank @Size(max = 200) String contactName,
        @Schema(example = "privacy@acme.example") @NotBlank @Email @Size(max = 254) String contactEmail) {

    /** Spring MVC logs bodies by toString at DEBUG; a record's would print the privacy contact's name and email. */
    @Override
    public String toString() {
        return "PrivacySettingsRequest[retentionDays=" + retentionDays + ", contact hidden]";
    }
}
