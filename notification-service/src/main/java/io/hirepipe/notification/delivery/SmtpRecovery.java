package io.hirepipe.notification.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Emails that failed because the SMTP server could not be reached are sent as soon as it takes mail again, not
 * when their back-off ends: after a five-minute outage the back-off alone (30 s, 1, 2, 4 min …) held the last of
 * them four more minutes, after a long one up to {@code max-delay}. A failure of one message (a refused
 * recipient, a full mailbox) keeps its back-off.
 *
 * <p>Per instance: a failure to reach the server arms it, the next accepted email (a first send or a retry)
 * makes every retry waiting for the server due now, across instances, through the delivery log. It starts armed,
 * so the first email an instance sends after a restart also frees what waited while it was down. It frees at most
 * once per {@code initial-delay}, so a message that breaks the connection every time it is sent is retried no
 * more often than its first back-off step, however many other emails go through.
 */
@Component
class SmtpRecovery {

    private static final Logger log = LoggerFactory.getLogger(SmtpRecovery.class);

    private final DeliveryLog deliveries;
    private final Clock clock;
    private final Duration minInterval;
    private final AtomicBoolean serverWasAway = new AtomicBoolean(true);
    private volatile Instant lastFreed = Instant.MIN;

    SmtpRecovery(DeliveryLog deliveries, Clock clock, EmailRetryProperties retry) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.minInterval = retry.initialDelay();
    }

    /** Whether the failure says the server could not be reached (rather than that it refused this message). */
    static boolean serverUnreachable(MailException failure) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SocketException || next instanceof SocketTimeoutException
                    || next instanceof UnknownHostException || next instanceof MailAuthenticationException
                    || next.getClass().getSimpleName().equals("MailConnectException")) {
                return true;
            }
            if (next instanceof MailSendException send) {
                send.getFailedMessages().values().forEach(pending::push);
            }
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
        }
        return false;
    }

    /** Called after a send failed; returns whether the server was unreachable (the retry then waits for it). */
    boolean failed(MailException failure) {
        boolean away = serverUnreachable(failure);
        if (away) {
            serverWasAway.set(true);
        }
        return away;
    }

    /** Called after the server accepted an email. */
    void accepted() {
        if (!serverWasAway.get()) {
            return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(lastFreed.plus(minInterval)) && serverWasAway.compareAndSet(true, false)) {
            lastFreed = now;
            long freed = deliveries.retryWaitingForServerNow(now);
            if (freed > 0) {
                log.info("The SMTP server takes mail again: {} emails that waited for it are due now", freed);
            }
        }
    }
}
