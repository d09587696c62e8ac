package io.hirepipe.assessment.privacy;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the candidate's welcome page says about their data: whom to ask and how long it is kept
 * ({@code retentionDays} null: until the company deletes it).
 */
public record PrivacyNotice(@Schema(example = "Acme Privacy Office") String contactName,
                            @Schema(example = "privacy@acme.example") String contactEmail,
                            @Schema(example = "365") Integer retentionDays) {

    /** Spring MVC logs bodies by toString at DEBUG; a record's would print the privacy contact's name and email. */
    @Override
    public String toString() {
        return "PrivacyNotice[retentionDays=" + retentionDays + ", contact hidden]";
    }
}
