package io.hirepipe.notification;

import java.time.Duration;
import java.util.List;
import java.time.Clock;
import io.hirepipe.testkit.TestGatewayKeys;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.Infra;
import io.hirepipe.testkit.UsesInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for every integration test of this service: real HTTP on a random port,
 * real Kafka, MongoDB and the test kit's SMTP sink. Subclasses add nothing to the configuration, so
 * they share the context (and its Kafka consumer group).
 *
 * <p>Kafka retries span about ten seconds (0.3 + 0.45 + 0.7 + 1 + 1.5 + 2 + 2 + 2 s) before an event is
 * dead-lettered; emails the SMTP server refuses are retried from the delivery log every second at most.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hirepipe.kafka.retry.max-retries=8",
        "hirepipe.kafka.retry.initial-interval=300ms",
        "hirepipe.kafka.retry.multiplier=1.5",
        "hirepipe.kafka.retry.max-interval=2s",
        // retention runs when a test calls it, never by the wall clock (03:17 UTC) in the middle of one
        "hirepipe.privacy.retention.cron=-",
        // a fixed key for tests only; real ones come from HIREPIPE_NOTIFICATION_SECRETS_KEY
        "hirepipe.webhooks.secrets-key=dGVzdC1vbmx5LXdlYmhvb2stc2VjcmV0cy1rZXktMzItYnl0ZXMhIQ==",
        "hirepipe.webhooks.allow-insecure-loopback=true",
        "hirepipe.public-url=https://hirepipe.example",
        "hirepipe.webhooks.request-timeout=2s",
        "hirepipe.webhooks.connect-timeout=1s",
        "hirepipe.webhooks.lease=10s",
        "hirepipe.webhooks.retry-schedule=200ms,300ms,400ms,500ms",
        "hirepipe.webhooks.poll-interval=100ms",
        "hirepipe.mail.retry.initial-delay=300ms",
        "hirepipe.mail.retry.max-delay=1s",
        "hirepipe.mail.retry.poll-interval=100ms",
        // the Greenhouse stub listens on loopback
        "hirepipe.partners.greenhouse.callback-hosts=127.0.0.1,app.greenhouse.io"})
@Import(TestHosts.class)
@UsesInfrastructure({Infra.KAFKA, Infra.MONGO, Infra.SMTP})
public abstract class NotificationServiceTest {

    /** This run's own invitation-link key; real ones come from HIREPIPE_INVITATION_LINK_PRIVATE_KEY. */
    @DynamicPropertySource
    static void invitationLinkKey(DynamicPropertyRegistry registry) {
        registry.add("hirepipe.invitation-link.private-key", TestLinkKeys::privateJwk);
    }

    @LocalServerPort
    private int port;
    /** Signs as the gateway would, with the test kit's stand-in for its key. */
    private final InternalTokenIssuer gateway = new InternalTokenIssuer(
            InternalTokenIssuer.parseKeys(TestGatewayKeys.signingKeysJson()), "hirepipe", Duration.ofSeconds(60),
            Clock.systemUTC());

    /** Real HTTP to this service as the gateway calls it: with the internal token of {@code caller}, none for null. */
    protected HttpApi api(Caller caller) {
        return HttpApi.at("http://127.0.0.1:" + port).withBearer(caller == null ? null : gateway.issue(caller, "notification-service"));
    }

    /** As {@link #api(Caller)} for an API key holding {@code scopes}, which the gateway passes in the token. */
    protected HttpApi api(Caller apiKey, List<String> scopes) {
        return HttpApi.at("http://127.0.0.1:" + port).withBearer(gateway.issue(apiKey, "notification-service", scopes));
    }
}
