package io.hirepipe.assessment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Owns invitations, candidate sessions, their answers and integrity signals. MongoDB is the system
 * of record (one document per invitation, its session inside), Redis the hot copy of sessions.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AssessmentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssessmentServiceApplication.class, args);
    }
}
