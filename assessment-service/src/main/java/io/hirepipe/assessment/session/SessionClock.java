package io.hirepipe.assessment.session;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Now, at the precision MongoDB stores (milliseconds), so a time decided here equals the same
 * time read back.
 */
@Component
class SessionClock {

    private final Clock clock;

    SessionClock(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
