package io.hirepipe.assessment.privacy;

/**
 * What the candidate's welcome page says about their data: whom to ask and how long it is kept
 * ({@code retentionDays} null: until the company deletes it).
 */
public record PrivacyNotice(String contactName, String contactEmail, Integer retentionDays) {
}
