package io.hirepipe.defaults.kafka;

import io.hirepipe.testkit.Infra;
import io.hirepipe.testkit.UsesInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@link MessagingTestApplication} against real Kafka and MongoDB, with retries short enough for tests. One
 * configuration for every messaging test, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
        "spring.main.web-application-type=none",
        "spring.application.name=messaging-test",
        "hirepipe.kafka.retry.max-retries=2",
        "hirepipe.kafka.retry.initial-interval=100ms",
        "hirepipe.kafka.retry.max-interval=200ms",
        "hirepipe.outbox.collections=widgets",
        "hirepipe.outbox.poll-interval=100ms"})
@UsesInfrastructure({Infra.KAFKA, Infra.MONGO})
public @interface MessagingTest {
}
