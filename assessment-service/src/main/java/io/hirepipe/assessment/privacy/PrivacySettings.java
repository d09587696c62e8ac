package io.hirepipe.assessment.privacy;

import java.time.Instant;

/**
 * A tenant's privacy settings as stored (collection {@code privacy_settings}, one document per tenant, the
 * same documents the shared {@link io.hirepipe.defaults.privacy.PrivacySettingsReplica} reads for retention).
 *
 * @param revision grows with every change; announcements carry it so readers keep only the newest
 */
public record PrivacySettings(String tenantId, Integer retentionDays, String contactName, String contactEmail,
                              long revision, Instant updatedAt) {

    static PrivacySettings none(String tenantId) {
        return new PrivacySettings(tenantId, null, null, null, 0, null);
    }
}
