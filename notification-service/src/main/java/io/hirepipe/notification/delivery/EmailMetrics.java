package io.hirepipe.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Emails by kind and outcome, and how long after its event each was sent. Kind and outcome are the
 * only tags: recipients and tenants never become labels. Every series exists from start-up.
 */
@Component
public class EmailMetrics {

    /**
     * sent: the SMTP server took it (first time or on a retry); failed: it did not, and it is retried from the
     * delivery log; rejected: it can never be sent (unbuildable, invalid address, or retries gave up).
     */
    enum Outcome { SENT, FAILED, REJECTED }

    private final Map<DeliveryKind, Map<Outcome, Counter>> emails = new EnumMap<>(DeliveryKind.class);
    private final Map<DeliveryKind, Timer> lag = new EnumMap<>(DeliveryKind.class);
    private final Clock clock;

    public EmailMetrics(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        for (DeliveryKind kind : DeliveryKind.values()) {
            String kindTag = kind.name().toLowerCase(Locale.ROOT);
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Counter.builder("hirepipe.notification.emails")
                        .description("Email attempts by kind and outcome")
                        .tag("kind", kindTag).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                        .register(meters));
            }
            emails.put(kind, byOutcome);
            // For the recruiter's report this is the candidate's submit → sent: the submit-to-email objective (a retried
            // email counts from when its delivery was first recorded, i.e. from scoring).
            lag.put(kind, Timer.builder("hirepipe.notification.email.lag")
                    .description("Time from what caused an email (for the recruiter's report: the submit) to the SMTP "
                            + "server taking it")
                    .tag("kind", kindTag)
                    .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10),
                            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(30))
                    .register(meters));
        }
    }

    void sent(DeliveryKind kind, Instant eventOccurredAt) {
        emails.get(kind).get(Outcome.SENT).increment();
        if (eventOccurredAt != null) {
            Duration since = Duration.between(eventOccurredAt, clock.instant());
            lag.get(kind).record(since.isNegative() ? Duration.ZERO : since);
        }
    }

    void failed(DeliveryKind kind) {
        emails.get(kind).get(Outcome.FAILED).increment();
    }

    void rejected(DeliveryKind kind) {
        emails.get(kind).get(Outcome.REJECTED).increment();
    }
}
