package io.hirepipe.scoring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/**
 * Scores submitted assessments: choice items exactly, free-text items against rubric key points,
 * from a read model of answer keys built from question events; keeps the evidence, lets people
 * review and adjust, and parks submissions whose questions it has not seen yet.
 */
@SpringBootApplication
@EnableScheduling
public class ScoringServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScoringServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
