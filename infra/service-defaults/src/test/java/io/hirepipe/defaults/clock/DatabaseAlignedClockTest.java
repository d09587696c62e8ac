package io.hirepipe.defaults.clock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.hirepipe.testkit.MutableClock;
import io.hirepipe.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

class DatabaseAlignedClockTest {

    private static final Instant SERVER_TIME = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void anInstanceWhoseClockRunsAnHourAheadReadsTheServersTime() {
        MutableClock local = new MutableClock(SERVER_TIME.plus(Duration.ofHours(1)));

        try (DatabaseAlignedClock clock = new DatabaseAlignedClock(local, () -> SERVER_TIME, Duration.ZERO)) {
            assertThat(clock.instant()).isEqualTo(SERVER_TIME);
            assertThat(clock.offset()).isEqualTo(Duration.ofHours(-1));

            local.advance(Duration.ofSeconds(5));
            assertThat(clock.instant()).as("it runs on with the instance's clock between alignments")
                    .isEqualTo(SERVER_TIME.plusSeconds(5));
            assertThat(clock.withZone(java.time.ZoneId.of("Europe/Berlin")).instant())
                    .as("a view in another zone reads the same aligned instants").isEqualTo(SERVER_TIME.plusSeconds(5));
        }
    }

    @Test
    void whenTheServerCannotBeAskedTheLastOffsetStays() {
        MutableClock local = new MutableClock(SERVER_TIME.minus(Duration.ofMinutes(3)));
        AtomicReference<Instant> server = new AtomicReference<>(SERVER_TIME);

        try (DatabaseAlignedClock clock = new DatabaseAlignedClock(local, () -> {
            Instant time = server.get();
            if (time == null) {
                throw new IllegalStateException("Timed out while waiting for a server");
            }
            return time;
        }, Duration.ZERO)) {
            server.set(null);
            clock.realign();

            assertThat(clock.offset()).isEqualTo(Duration.ofMinutes(3));
            assertThat(clock.instant()).isEqualTo(SERVER_TIME);
        }
    }

    @Test
    void itMeasuresInTheBackgroundAgainAndAgainTakingHalfTheRoundTripAsTheMomentTheServerAnswered() {
        MutableClock local = new MutableClock(SERVER_TIME);
        AtomicReference<Duration> serverAhead = new AtomicReference<>(Duration.ofSeconds(30));

        try (DatabaseAlignedClock clock = new DatabaseAlignedClock(local, () -> {
            Instant asked = local.instant();
            local.advance(Duration.ofMillis(40));    // the round trip
            return asked.plus(Duration.ofMillis(20)).plus(serverAhead.get());
        }, Duration.ofMillis(50))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> clock.offset().equals(Duration.ofSeconds(30)));

            serverAhead.set(Duration.ofMinutes(2));
            await().atMost(Duration.ofSeconds(5)).until(() -> clock.offset().equals(Duration.ofMinutes(2)));
        }
    }

    @Test
    void theServersTimeIsReadFromMongoDb() {
        try (MongoClient client = MongoClients.create(TestInfrastructure.mongo().connectionString());
             DatabaseAlignedClock clock = DatabaseAlignedClock.of(new MongoTemplate(client, "clock-test"), Duration.ZERO)) {
            // The test kit's server runs on this machine, on this machine's clock.
            assertThat(clock.offset().toMillis()).isCloseTo(0, within(1_000L));
            assertThat(clock.instant()).isCloseTo(Clock.systemUTC().instant(), within(1, ChronoUnit.SECONDS));
        }
    }
}
