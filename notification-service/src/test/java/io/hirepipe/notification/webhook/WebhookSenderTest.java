package io.hirepipe.notification.webhook;

import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.message.BasicHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The sender on its own: where its connections go, and that no receiver can hold it. */
class WebhookSenderTest {

    private static final String PUBLIC = "93.184.216.34";

    private final WebhookProperties properties = WebhookTestProperties.withKey("unused");
    private WebhookSender sender;

    @AfterEach
    void close() throws IOException {
        if (sender != null) {
            sender.destroy();
        }
    }

    /** RFC 9110's two forms of {@code Retry-After}; anything else asks for nothing. */
    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDateAndIgnoredWhenUnreadable() {
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", " 120 "))).isEqualTo(Duration.ofSeconds(120));
        Duration untilDate = WebhookSender.retryAfter(new BasicHeader("Retry-After",
                DateUtils.formatStandardDate(Instant.now().plusSeconds(60))));
        assertThat(untilDate).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After",
                DateUtils.formatStandardDate(Instant.now().minusSeconds(60))))).as("a date passed").isZero();
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", "soon"))).isNull();
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", "-5"))).isNull();
        assertThat(WebhookSender.retryAfter(null)).isNull();
        assertThat(WebhookSender.retryAfter(new BasicHeader("Retry-After", "9".repeat(40))))
                .as("too many digits to be meant: the dispatcher's limit applies").isPositive();
    }

    /**
     * DNS rebinding: the name answers a public address when the URL is checked and a loopback one right after.
     * The connection resolves through the guard, so it never reaches the loopback listener.
     */
    @Test
    void aNameThatPointsInwardBetweenTheCheckAndTheConnectionIsNeverConnectedTo() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        SsrfGuard guard = new SsrfGuard(host -> List.of(InetAddress.getByName(
                lookups.getAndIncrement() == 0 ? PUBLIC : "127.0.0.1")), false);
        sender = new WebhookSender(properties, guard);
        try (ServerSocket inside = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = countConnections(inside);
            // "localhost" is what the system resolver would answer with the loopback listener
            URI url = guard.check("https://localhost:" + inside.getLocalPort() + "/hooks");

            WebhookSender.Result result = sender.post(url, "msg_1", 1_700_000_000L, "v1,c2ln", "{}");

            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).contains("SSRF guard", "loopback", "127.0.0.1");
            Thread.sleep(200);
            assertThat(connections.get()).as("connections to the loopback listener").isZero();
        }
    }

    @Test
    void anApprovedReceiverGetsTheSignedPostAndAPatchWithoutABody() throws Exception {
        SsrfGuard loopbackAllowed = new SsrfGuard(host -> List.of(InetAddress.getByName(host)), true);
        sender = new WebhookSender(properties, loopbackAllowed);
        try (Receiver receiver = Receiver.answering(204)) {
            URI url = loopbackAllowed.check(receiver.url());

            WebhookSender.Result posted = sender.post(url, "msg_2", 1_700_000_000L, "v1,c2ln", "{\"a\":\"ü\"}");
            WebhookSender.Result patched = sender.patch(url, "Basic a2V5Og==");

            assertThat(posted.statusCode()).isEqualTo(204);
            assertThat(patched.statusCode()).isEqualTo(204);
            Receiver.Request post = receiver.requests().get(0);
            assertThat(post.body()).isEqualTo("{\"a\":\"ü\"}");
            assertThat(post.header("Content-Type")).isEqualTo("application/json");
            assertThat(post.header("webhook-id")).isEqualTo("msg_2");
            assertThat(post.header("webhook-timestamp")).isEqualTo("1700000000");
            assertThat(post.header("webhook-signature")).isEqualTo("v1,c2ln");
            Receiver.Request patch = receiver.requests().get(1);
            assertThat(patch.body()).isEmpty();
            assertThat(patch.header("Authorization")).isEqualTo("Basic a2V5Og==");
        }
    }

    @Test
    void aReceiverStreamingAnEndlessBodyHasItsStatusTakenAndTheConnectionDropped() throws Exception {
        SsrfGuard loopbackAllowed = new SsrfGuard(host -> List.of(InetAddress.getByName(host)), true);
        sender = new WebhookSender(properties, loopbackAllowed);
        try (ServerSocket endless = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread streamer = new Thread(() -> streamForever(endless), "endless-receiver");
            streamer.setDaemon(true);
            streamer.start();

            long started = System.nanoTime();
            WebhookSender.Result result = sender.post(URI.create("http://127.0.0.1:" + endless.getLocalPort() + "/x"),
                    "msg_3", 1_700_000_000L, "v1,c2ln", "{}");

            assertThat(result.statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(3_000);
        }
    }

    private static AtomicInteger countConnections(ServerSocket server) {
        AtomicInteger count = new AtomicInteger();
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket ignored = server.accept()) {
                    count.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "loopback-listener");
        acceptor.setDaemon(true);
        acceptor.start();
        return count;
    }

    private static void streamForever(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            // read the request head; the small body follows and is not needed
            byte[] head = new byte[8192];
            int read = in.read(head);
            if (read <= 0) {
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("400\r\n" + "x".repeat(0x400) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException dropped) {
            // the sender hung up, as it should
        }
    }
}
