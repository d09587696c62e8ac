package io.hirepipe.notification;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.TestGatewayKeys;
import io.hirepipe.testkit.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A whole notification-service process as restart tests need it: started and stopped at will, on a database
 * and consumer groups of the test's own, so instances of one test take over from each other and from nobody
 * else. Kafka and MongoDB come from the test kit; SMTP is wherever the test says.
 */
public final class NotificationInstance {

    private final String database = "it-restart-" + UUID.randomUUID().toString().substring(0, 8);
    private final String group = "restart-" + UUID.randomUUID().toString().substring(0, 8);

    /** Starts an instance; {@code extraArguments} ({@code --name=value}) override the defaults here. */
    public ConfigurableApplicationContext start(int smtpPort, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--spring.kafka.consumer.group-id=" + group,
                "--spring.mongodb.uri=" + TestInfrastructure.mongo().connectionString(),
                "--spring.mongodb.database=" + database,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--hirepipe.security.internal-token.secret=" + TestInfrastructure.INTERNAL_TOKEN_SECRET,
                "--hirepipe.security.internal-token.jwk-set-uri=" + TestGatewayKeys.jwkSetUri(),
                "--hirepipe.webhooks.consumer-group=" + group + "-webhooks",
                "--hirepipe.webhooks.secrets-key=dGVzdC1vbmx5LXdlYmhvb2stc2VjcmV0cy1rZXktMzItYnl0ZXMhIQ==",
                "--hirepipe.invitation-link.private-key=" + TestLinkKeys.privateJwk(),
                "--hirepipe.webhooks.allow-insecure-loopback=true"));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(NotificationServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    /** Real HTTP to {@code context} as the gateway calls it, for a recruiter of {@code tenant}. */
    public static HttpApi api(ConfigurableApplicationContext context, String tenant) {
        String port = context.getEnvironment().getProperty("local.server.port");
        // Signs as the gateway would, with the test kit's stand-in for its key.
        InternalTokenIssuer gateway = new InternalTokenIssuer(InternalTokenIssuer.parseKeys(TestGatewayKeys.signingKeysJson()),
                "hirepipe", Duration.ofSeconds(60), Clock.systemUTC());
        return HttpApi.at("http://127.0.0.1:" + port).withBearer(
                gateway.issue(Caller.user(tenant, "user-1", "rita@recruiting.example", Role.ADMIN), "notification-service"));
    }
}
