package io.hirepipe.contracts.events;

import java.time.Instant;

/**
 * A tenant's privacy settings as they are now (the whole state, not a difference): every service that
 * holds candidate data keeps the latest per tenant and applies its retention.
 *
 * @param tenantId      repeated from the envelope so the record key keeps one tenant's changes in order
 * @param retentionDays candidate data is removed this many days after it was scored; null keeps it
 * @param contactName   who candidates ask about their data
 * @param contactEmail  where they write (a staff address, shown on the candidate's welcome page)
 * @param revision      grows with every change; a reader ignores a revision lower than the one it holds
 */
public record PrivacySettingsChanged(String tenantId, Integer retentionDays, String contactName,
                                     String contactEmail, long revision, Instant changedAt) implements EventPayload {

    @Override
    public String partitionKey() {
        return tenantId;
    }
}
