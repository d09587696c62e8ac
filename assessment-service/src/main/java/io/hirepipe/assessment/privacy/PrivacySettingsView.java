package io.hirepipe.assessment.privacy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** @param retentionDays null: candidate data is kept until erased */
record PrivacySettingsView(@Schema(example = "365") Integer retentionDays,
                           @Schema(example = "Acme Privacy Office") String contactName,
                           @Schema(example = "privacy@acme.example") String contactEmail,
                           Instant updatedAt) {

    /** Spring MVC logs bodies by toString at DEBUG; a record's would print the privacy contact's name and email. */
    @Override
    public String toString() {
        return "PrivacySettingsView[retentionDays=" + retentionDays + ", updatedAt=" + updatedAt + ", contact hidden]";
    }

    static PrivacySettingsView of(PrivacySettings settings) {
        return new PrivacySettingsView(settings.retentionDays(), settings.contactName(), settings.contactEmail(),
                settings.updatedAt());
    }
}
