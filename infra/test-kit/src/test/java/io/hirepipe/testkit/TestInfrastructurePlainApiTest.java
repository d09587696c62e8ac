package io.hirepipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;

import io.hirepipe.embedded.ReceivedMail;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/** The kit without Spring: plain clients against whatever the JVM's mode provides. */
class TestInfrastructurePlainApiTest {

    @Test
    void serversStartOncePerJvm() {
        assertThat(TestInfrastructure.redis()).isEqualTo(TestInfrastructure.redis());
        assertThat(TestInfrastructure.smtp()).isSameAs(TestInfrastructure.smtp());
    }

    @Test
    void redisAnswersAPlainClient() {
        RedisEndpoint endpoint = TestInfrastructure.redis();
        RedisClient client = RedisClient.create(RedisURI.create(endpoint.host(), endpoint.port()));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set("plain-api", "works");

            assertThat(connection.sync().get("plain-api")).isEqualTo("works");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void theSmtpSinkReceivesPlainJakartaMail() throws Exception {
        Properties settings = new Properties();
        settings.put("mail.smtp.host", TestInfrastructure.smtp().host());
        settings.put("mail.smtp.port", String.valueOf(TestInfrastructure.smtp().port()));
        MimeMessage message = new MimeMessage(Session.getInstance(settings));
        message.setFrom("noreply@hirepipe.test");
        message.setRecipients(Message.RecipientType.TO, "plain-api@example.org");
        message.setSubject("Plain API");
        message.setText("hello");

        Transport.send(message);

        ReceivedMail mail = TestInfrastructure.smtp()
                .awaitMessage(m -> m.isAddressedTo("plain-api@example.org"), Duration.ofSeconds(10));
        assertThat(mail.subject()).isEqualTo("Plain API");
    }
}
