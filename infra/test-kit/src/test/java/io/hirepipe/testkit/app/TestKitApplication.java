package io.hirepipe.testkit.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The smallest Spring Boot application that uses Kafka, MongoDB, Redis and mail through auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestKitApplication {

    @Bean
    GreetingListener greetingListener() {
        return new GreetingListener();
    }
}
