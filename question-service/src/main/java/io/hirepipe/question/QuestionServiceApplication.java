package io.hirepipe.question;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;

/** Owns the question bank (versioned questions) and test templates built from published questions. */
@SpringBootApplication
public class QuestionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuestionServiceApplication.class, args);
    }

    /**
     * Ticks in milliseconds because MongoDB stores no finer: a timestamp returned on creation is
     * then exactly the one returned by every later read.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
