package io.hirepipe.assessment.privacy;

import java.time.Instant;

/** @param retentionDays null: candidate data is kept until erased */
record PrivacySettingsView(Integer retentionDays, String contactName, String contactEmail, Instant updatedAt) {

    static PrivacySettingsView of(PrivacySettings settings) {
        return new PrivacySettingsView(settings.retentionDays(), settings.contactName(), settings.contactEmail(),
                settings.updatedAt());
    }
}
