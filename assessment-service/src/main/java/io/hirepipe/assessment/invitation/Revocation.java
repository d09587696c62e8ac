package io.hirepipe.assessment.invitation;

import java.time.Instant;

public record Revocation(String reason, Instant revokedAt, String revokedBy) {
}
