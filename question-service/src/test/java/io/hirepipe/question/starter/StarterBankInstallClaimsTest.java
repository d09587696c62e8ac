package io.hirepipe.question.starter;

import io.hirepipe.question.support.IntegrationTestBase;
import io.hirepipe.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The install lease against real MongoDB, with a clock the test moves: a live install keeps its claim
 * past the lease because it renews it; only a dead owner's claim is taken over.
 */
class StarterBankInstallClaimsTest extends IntegrationTestBase {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @Autowired
    MongoTemplate mongo;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private StarterBankInstallClaims claims;

    @AfterEach
    void stopRenewals() {
        if (claims != null) {
            claims.destroy();
        }
    }

    private void advance(Duration duration) {
        clock.advance(duration);
    }

    private Instant storedLeaseUntil() {
        return claims.state(tenant).orElseThrow().leaseUntil();
    }

    @Test
    void aLiveInstallRenewsItsLeaseSoItIsNotTakenOverButADeadOnesClaimIs() {
        claims = new StarterBankInstallClaims(mongo, clock, LEASE, Duration.ofMillis(50));
        StarterBankInstallClaims.Claim owner = claims.claim(tenant).orElseThrow();
        StarterBankInstallClaims.Heartbeat heartbeat = claims.keepAlive(owner);

        // the install works longer than its lease...
        advance(LEASE.plusMinutes(1));
        // ...and its heartbeat moved the lease on
        await().atMost(Duration.ofSeconds(10)).until(() -> storedLeaseUntil().isAfter(clock.instant()));
        assertThat(claims.claim(tenant)).as("a live owner's claim is not taken").isEmpty();
        assertThat(claims.state(tenant).orElseThrow().claimId()).isEqualTo(owner.claimId());

        // the owner dies: nobody renews any more, and once the lease ran out another install takes over
        heartbeat.close();
        advance(LEASE.plusMinutes(1));
        Optional<StarterBankInstallClaims.Claim> next = claims.claim(tenant);
        assertThat(next).isPresent();

        // the old owner, were it to come back, frees nothing and renews nothing
        assertThat(claims.renew(owner)).isFalse();
        claims.release(owner);
        assertThat(claims.state(tenant).orElseThrow().claimId()).isEqualTo(next.get().claimId());
        assertThat(claims.state(tenant).orElseThrow().heldAt(clock.instant())).isTrue();
    }

    @Test
    void withoutAHeartbeatTheLeaseRunsOutAfterItsLength() {
        claims = new StarterBankInstallClaims(mongo, clock, LEASE, Duration.ofSeconds(30));
        claims.claim(tenant).orElseThrow();

        advance(LEASE.minusSeconds(1));
        assertThat(claims.claim(tenant)).isEmpty();
        advance(Duration.ofSeconds(2));
        assertThat(claims.claim(tenant)).isPresent();
    }

    @Test
    void aFinishedInstallFreesTheClaimAndLeavesItsReport() {
        claims = new StarterBankInstallClaims(mongo, clock, LEASE, Duration.ofSeconds(30));
        StarterBankInstallClaims.Claim owner = claims.claim(tenant).orElseThrow();
        StarterBankInstaller.InstallReport report = new StarterBankInstaller.InstallReport(2, 1, 1, 0,
                java.util.List.of(new StarterBankInstaller.InstalledTest("k", "t-1", "T")));

        claims.finish(owner, report);

        StarterBankInstallClaims.InstallState state = claims.state(tenant).orElseThrow();
        assertThat(state.finishedClaimId()).isEqualTo(owner.claimId());
        assertThat(state.report()).isEqualTo(report);
        assertThat(state.heldAt(clock.instant())).isFalse();
        assertThat(claims.claim(tenant)).isPresent();
    }

    @Test
    void aHeartbeatThatCouldMissTheLeaseIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new StarterBankInstallClaims(mongo, clock, LEASE, Duration.ofMinutes(1).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeat");
    }
}
