package io.hirepipe.defaults.correlation;

import org.slf4j.MDC;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The id that ties together every log line, HTTP hop and Kafka record caused by one request. It
 * lives in the SLF4J MDC under {@link #MDC_KEY}, so the log pattern prints it.
 */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    /** Ids from outside are echoed into logs: accept only a short, harmless alphabet. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationId() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    public static String currentOrNew() {
        return current().orElseGet(CorrelationId::newId);
    }

    /**
     * A random (version 4) UUID from the thread's own generator. A correlation id only has to be unique,
     * not unguessable: it ties log lines together and proves nothing. {@link UUID#randomUUID()} draws from
     * the shared SecureRandom, a measurable share of the gateway's cost per request when clients send no id.
     */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    /** The given id when it is acceptable, else a fresh one. */
    public static String sanitize(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches() ? candidate : newId();
    }

    /** Puts the id in the MDC until the returned scope is closed. */
    public static Scope open(String id) {
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        return () -> {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        };
    }

    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
