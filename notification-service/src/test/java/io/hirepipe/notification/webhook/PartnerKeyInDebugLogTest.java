package io.hirepipe.notification.webhook;

import io.hirepipe.notification.NotificationServiceTest;
import io.hirepipe.testkit.VerboseLogging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator chasing a failing receiver turns the webhooks' HTTP client (Apache HttpClient) up to DEBUG: its header
 * and wire loggers print every request header, and a partner callback carries the partner's key in
 * {@code Authorization}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PartnerKeyInDebugLogTest extends NotificationServiceTest {

    @Autowired
    WebhookSender sender;
    @Autowired
    SsrfGuard guard;

    @Test
    void aPartnersKeyIsNotLoggedWhenTheHttpClientLogsAtDebug(CapturedOutput output) throws Exception {
        String credential = Base64.getEncoder().encodeToString("hp_k3y1d000_9fQ2xLm7Rt4Wp8Kd:"
                .getBytes(StandardCharsets.UTF_8));
        try (Receiver receiver = Receiver.answering(200);
             VerboseLogging verbose = VerboseLogging.at(LogLevel.DEBUG, "org.apache.hc")) {
            WebhookSender.Result result = sender.patch(guard.check(receiver.url() + "/applications/4711"),
                    "Basic " + credential);

            assertThat(result.statusCode()).isEqualTo(200);
            assertThat(receiver.requests().get(0).header("Authorization")).isEqualTo("Basic " + credential);
        }

        assertThat(output).as("the client logged the exchange").contains("ex-");
        assertThat(output).doesNotContain(credential);
    }
}
