package io.hirepipe.gateway.users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hirepipe.gateway.identity.RecruiterUser;
import io.hirepipe.gateway.users.PasswordLink.Purpose;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many set-password and reset emails one address is sent per window, whoever asks. The login rate-limit group
 * counts per client address, so a client rotating addresses could otherwise have one person's mailbox flooded with
 * reset emails. Addresses are kept as hashes (the store is no address book of who was targeted), in a bounded
 * store that forgets an address once its window is over. State is per gateway instance, like the rate limits.
 */
@Component
class AccountEmailBudget {

    private static final Logger log = LoggerFactory.getLogger(AccountEmailBudget.class);

    /** Whether an email may go out now, and if not, how long until the address's window ends. */
    record Decision(boolean permitted, Duration retryAfter) {
    }

    private record Window(Instant start, int sent) {
    }

    private final UsersProperties.EmailBudget budget;
    private final Clock clock;
    private final Cache<String, Window> windows;
    private final Map<Purpose, Counter> limited = new EnumMap<>(Purpose.class);

    AccountEmailBudget(UsersProperties properties, Clock clock, MeterRegistry meters) {
        this.budget = properties.emailBudget();
        this.clock = clock;
        for (Purpose purpose : Purpose.values()) {
            limited.put(purpose, Counter.builder("hirepipe.gateway.account.emails.limited")
                    .description("Set-password and reset emails not sent: the address's budget was used up")
                    .tag("purpose", purpose.name()).register(meters));
        }
        // An entry outlives its window by at most one window (each email rewrites it); a stale one counts as none.
        this.windows = Caffeine.newBuilder().maximumSize(budget.maxAddresses()).expireAfterWrite(budget.period())
                .build();
    }

    /** Takes one email from the budget of {@code email}'s address, or says how long it must wait. */
    Decision take(String email, Purpose purpose) {
        String key = key(email);
        Instant now = clock.instant();
        boolean[] permitted = new boolean[1];
        Window window = windows.asMap().compute(key, (k, old) -> {
            Window current = old == null || !now.isBefore(old.start().plus(budget.period())) ? new Window(now, 0) : old;
            if (current.sent() >= budget.limit()) {
                return current;
            }
            permitted[0] = true;
            return new Window(current.start(), current.sent() + 1);
        });
        if (permitted[0]) {
            return new Decision(true, Duration.ZERO);
        }
        limited.get(purpose).increment();
        // The account appears only as a hash prefix, like the login throttle's lines: never the address.
        log.info("{} email for account {} not sent: {} per {} used up", purpose, key.substring(0, 12), budget.limit(),
                budget.period());
        return new Decision(false, Duration.between(now, window.start().plus(budget.period())));
    }

    /** The email counted by {@link #take} was not sent after all (it could not be handed over): it costs nothing. */
    void giveBack(String email) {
        windows.asMap().computeIfPresent(key(email), (k, old) -> new Window(old.start(), Math.max(0, old.sent() - 1)));
    }

    private static String key(String email) {
        return RecruiterUser.emailKey(email);
    }
}
