package io.hirepipe.notification.webhook;

import org.springframework.beans.factory.DisposableBean;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Name resolution with a time limit. The JDK's lookup cannot be interrupted and waits as long as the system resolver
 * does (several timeouts and retries), so a tenant whose webhook host has a dead name server would hold a delivery
 * worker, or a subscribe request, for that long. Lookups run on threads of their own: the caller waits at most
 * {@code timeout}, and while {@code concurrentLookups} lookups are still unanswered, further ones fail at once instead of
 * piling up threads.
 */
public final class TimeLimitedHostResolver implements HostResolver, DisposableBean {

    private final HostResolver delegate;
    private final Duration timeout;
    /** Held by a lookup until the system resolver returns, not merely until its caller stopped waiting. */
    private final Semaphore inFlight;
    private final ExecutorService lookups;

    public TimeLimitedHostResolver(HostResolver delegate, Duration timeout, int concurrentLookups) {
        this.delegate = delegate;
        this.timeout = timeout;
        this.inFlight = new Semaphore(concurrentLookups);
        AtomicInteger threads = new AtomicInteger();
        this.lookups = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "webhook-dns-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        if (!inFlight.tryAcquire()) {
            throw new SlowLookupException(host, "every DNS lookup thread is waiting for an answer");
        }
        Future<List<InetAddress>> lookup;
        try {
            lookup = lookups.submit(() -> {
                try {
                    return delegate.resolve(host);
                } finally {
                    inFlight.release();
                }
            });
        } catch (RejectedExecutionException shutDown) {
            inFlight.release();
            throw new SlowLookupException(host, "the service is shutting down");
        }
        try {
            return lookup.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new SlowLookupException(host, "no DNS answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            throw new UnknownHostException(host + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlowLookupException(host, "interrupted while resolving");
        }
    }

    @Override
    public void destroy() {
        lookups.shutdownNow();
    }

    /** The name may well exist: its lookup was not answered in time (or could not start). */
    public static final class SlowLookupException extends UnknownHostException {

        private final String reason;

        SlowLookupException(String host, String reason) {
            super(host + ": " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
