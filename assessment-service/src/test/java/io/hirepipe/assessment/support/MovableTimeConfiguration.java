package io.hirepipe.assessment.support;

import io.hirepipe.testkit.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the service's system clock with one the tests move forward. */
@TestConfiguration(proxyBeanMethods = false)
public class MovableTimeConfiguration {

    @Bean
    @Primary
    MutableClock movableClock() {
        return new MutableClock();
    }
}
