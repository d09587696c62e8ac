package io.hirepipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.hirepipe.testkit.app.Candidate;
import io.hirepipe.testkit.app.GreetingListener;
import io.hirepipe.testkit.app.TestKitApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * "One test, two ways": this body knows nothing about where Kafka, MongoDB and Redis come from. Subclasses
 * only choose the mode. Beans come in as test-method parameters so subclasses need no constructors.
 */
@SpringBootTest(classes = TestKitApplication.class, properties = "spring.kafka.consumer.auto-offset-reset=earliest")
abstract class InfrastructureRoundTripContract {

    @Test
    void anInvitationTravelsThroughMongoRedisAndKafka(@Autowired MongoTemplate mongo,
                                                       @Autowired StringRedisTemplate redis,
                                                       @Autowired KafkaTemplate<String, String> kafka,
                                                       @Autowired GreetingListener greetings) throws Exception {
        String id = UUID.randomUUID().toString();

        mongo.insert(new Candidate(id, id + "@example.org"));
        redis.opsForValue().set("invitation:" + id, "SENT");
        kafka.send(GreetingListener.TOPIC, id, "invited").get();

        assertThat(mongo.findById(id, Candidate.class)).extracting(Candidate::email).isEqualTo(id + "@example.org");
        assertThat(redis.opsForValue().get("invitation:" + id)).isEqualTo("SENT");
        assertThat(greetings.awaitKey(id, Duration.ofSeconds(30))).isNotNull();
    }
}
