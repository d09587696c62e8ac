package io.hirepipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.hirepipe.embedded.ReceivedMail;
import io.hirepipe.testkit.app.Candidate;
import io.hirepipe.testkit.app.GreetingListener;
import io.hirepipe.testkit.app.TestKitApplication;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.TestConstructor;

/** Every property the kit sets, proven through the Spring Boot auto-configuration that reads it. */
@SpringBootTest(classes = TestKitApplication.class, properties = "spring.kafka.consumer.auto-offset-reset=earliest")
@UsesInfrastructure({Infra.KAFKA, Infra.MONGO, Infra.REDIS, Infra.SMTP})
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class SpringPropertiesEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, String> kafka;
    private final GreetingListener greetings;
    private final MongoTemplate mongo;
    private final StringRedisTemplate redis;
    private final JavaMailSender mailSender;
    private final Environment environment;
    private final String internalTokenSecret;

    SpringPropertiesEndToEndTest(KafkaTemplate<String, String> kafka, GreetingListener greetings, MongoTemplate mongo,
                                 StringRedisTemplate redis, JavaMailSender mailSender, Environment environment,
                                 @Value("${hirepipe.security.internal-token.secret}") String internalTokenSecret) {
        this.kafka = kafka;
        this.greetings = greetings;
        this.mongo = mongo;
        this.redis = redis;
        this.mailSender = mailSender;
        this.environment = environment;
        this.internalTokenSecret = internalTokenSecret;
    }

    @Test
    void kafkaTemplateReachesTheListenerContainer() throws Exception {
        String key = UUID.randomUUID().toString();

        kafka.send(GreetingListener.TOPIC, key, "hello from the test kit").get();

        ConsumerRecord<String, String> received = greetings.awaitKey(key, WAIT);
        assertThat(received).isNotNull();
        assertThat(received.value()).isEqualTo("hello from the test kit");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(TestInfrastructure.kafka().bootstrapServers());
    }

    @Test
    void mongoTemplateWorksInAFreshDatabaseOfItsOwn() {
        String database = mongo.getDb().getName();
        mongo.indexOps(Candidate.class).createIndex(new Index("email", Sort.Direction.ASC).unique());

        mongo.insert(new Candidate("c-1", "ada@example.org"));

        assertThat(database).matches("it-\\d+-[0-9a-f]{8}").isEqualTo(environment.getProperty("spring.mongodb.database"));
        assertThat(mongo.findById("c-1", Candidate.class)).isEqualTo(new Candidate("c-1", "ada@example.org"));
        assertThatThrownBy(() -> mongo.insert(new Candidate("c-2", "ada@example.org")))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo(TestInfrastructure.mongo().connectionString());
    }

    @Test
    void stringRedisTemplateReadsWhatItWrote() {
        String key = "testkit:" + UUID.randomUUID();

        redis.opsForValue().set(key, "SUBMITTED", Duration.ofMinutes(1));

        assertThat(redis.opsForValue().get(key)).isEqualTo("SUBMITTED");
        assertThat(redis.getExpire(key)).isPositive();
        assertThat(environment.getProperty("spring.data.redis.port", Integer.class))
                .isEqualTo(TestInfrastructure.redis().port());
    }

    @Test
    void javaMailSenderDeliversToTheSmtpSink() {
        String recipient = "candidate-" + UUID.randomUUID() + "@example.org";
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("noreply@hirepipe.test");
        message.setTo(recipient);
        message.setSubject("Your assessment");
        message.setText("Start here");

        mailSender.send(message);

        ReceivedMail mail = TestInfrastructure.smtp().awaitMessage(m -> m.isAddressedTo(recipient), WAIT);
        assertThat(mail.subject()).isEqualTo("Your assessment");
        assertThat(mail.textBody()).isEqualTo("Start here");
        assertThat(mail.from()).isEqualTo("noreply@hirepipe.test");
    }

    @Test
    void internalTokenSecretIsLongEnoughForHmacSha256() {
        assertThat(internalTokenSecret).isEqualTo(TestInfrastructure.INTERNAL_TOKEN_SECRET);
        assertThat(internalTokenSecret.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(32);
    }
}
