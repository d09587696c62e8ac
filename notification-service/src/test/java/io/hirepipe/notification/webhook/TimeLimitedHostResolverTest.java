package io.hirepipe.notification.webhook;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TimeLimitedHostResolverTest {

    /** A name server that never answers for hosts under {@code dead.example}, until released. */
    private final CountDownLatch deadNameServer = new CountDownLatch(1);
    private final HostResolver network = host -> {
        if (host.endsWith("dead.example")) {
            // the JDK's own lookup ignores interrupts; this stand-in keeps waiting the same way
            while (deadNameServer.getCount() > 0) {
                try {
                    deadNameServer.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // still waiting for the name server
                }
            }
        }
        if (host.endsWith("nxdomain.example")) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34}));
    };
    private final TimeLimitedHostResolver resolver = new TimeLimitedHostResolver(network, Duration.ofMillis(200), 1);

    @AfterEach
    void release() {
        deadNameServer.countDown();
        resolver.destroy();
    }

    @Test
    void aNameServerThatNeverAnswersCostsTheCallerTheTimeLimitNotItsOwnTimeouts() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> resolver.resolve("hooks.dead.example"))
                .isInstanceOf(TimeLimitedHostResolver.SlowLookupException.class)
                .hasMessageContaining("no DNS answer within 200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void whileEveryLookupThreadWaitsFurtherLookupsFailAtOnce_andWorkAgainOnceItIsAnswered() throws Exception {
        assertThatThrownBy(() -> resolver.resolve("hooks.dead.example"))
                .isInstanceOf(TimeLimitedHostResolver.SlowLookupException.class);

        assertThatThrownBy(() -> resolver.resolve("hooks.acme.example"))
                .isInstanceOf(TimeLimitedHostResolver.SlowLookupException.class)
                .hasMessageContaining("every DNS lookup thread is waiting");

        deadNameServer.countDown();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> !resolver.resolve("hooks.acme.example").isEmpty());
    }

    @Test
    void answersAndUnknownNamesPassThrough() throws Exception {
        assertThat(resolver.resolve("hooks.acme.example")).extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.216.34");
        assertThatThrownBy(() -> resolver.resolve("hooks.nxdomain.example"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(TimeLimitedHostResolver.SlowLookupException.class);
    }

    @Test
    void theSsrfGuardSaysTheNameWasNotResolvedInTimeRatherThanThatItDoesNotExist() {
        SsrfGuard guard = new SsrfGuard(resolver, false);

        assertThatThrownBy(() -> guard.check("https://hooks.nxdomain.example/hirepipe"))
                .hasMessage("host hooks.nxdomain.example does not resolve");
        assertThatThrownBy(() -> guard.check("https://hooks.dead.example/hirepipe"))
                .isInstanceOf(UnsafeUrlException.class)
                .hasMessage("host hooks.dead.example could not be resolved in time (no DNS answer within 200 ms)");
    }
}
