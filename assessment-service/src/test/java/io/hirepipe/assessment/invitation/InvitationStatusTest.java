package io.hirepipe.assessment.invitation;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationStatusTest {

    private static final Instant EXPIRES = Instant.parse("2026-05-01T12:00:00Z");

    private static Invitation in(InvitationStatus status) {
        return new Invitation("inv_1", "tenant-a", "hash", "test-1", "Java", 30, 60, null, "r@example.com", 0,
                EXPIRES, EXPIRES.minusSeconds(3600), "user-1", status, 0, null, null, null, null, null);
    }

    @Test
    void anInvitationNotStartedByItsExpiryHasExpired() {
        assertThat(in(InvitationStatus.INVITED).statusAt(EXPIRES.minusMillis(1))).isEqualTo(InvitationStatus.INVITED);
        assertThat(in(InvitationStatus.INVITED).statusAt(EXPIRES)).isEqualTo(InvitationStatus.EXPIRED);
    }

    @Test
    void startedRevokedAndFinishedInvitationsDoNotExpire() {
        Instant later = EXPIRES.plusSeconds(86_400);
        assertThat(in(InvitationStatus.STARTED).statusAt(later)).isEqualTo(InvitationStatus.STARTED);
        assertThat(in(InvitationStatus.REVOKED).statusAt(later)).isEqualTo(InvitationStatus.REVOKED);
        assertThat(in(InvitationStatus.SUBMITTED).statusAt(later)).isEqualTo(InvitationStatus.SUBMITTED);
        assertThat(in(InvitationStatus.SCORED).statusAt(later)).isEqualTo(InvitationStatus.SCORED);
    }

    @Test
    void theCachedCopyCarriesNothingACandidateMustNotSee() {
        Invitation visible = in(InvitationStatus.SCORED).candidateVisible();

        assertThat(visible.tokenHash()).isNull();
        assertThat(visible.score()).isNull();
        assertThat(visible.integrity()).isNull();
        assertThat(visible.outbox()).isNull();
        assertThat(visible.status()).isEqualTo(InvitationStatus.SCORED);
    }
}
