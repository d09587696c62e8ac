package io.hirepipe.assessment.session;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.testkit.VerboseLogging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator chasing a problem turns Spring MVC to DEBUG or TRACE: it then logs every body it reads and writes by
 * its {@code toString()}. A recruiter's invitation, the candidate's page and a free-text answer go through it, and the
 * log holds none of the candidate's or the recruiter's details nor what the candidate wrote.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataInDebugLogTest extends AssessmentIntegrationTest {

    private static final String WEB_LOGGER = "org.springframework.web";

    @Test
    void bodiesLoggedBySpringMvcHoldNoPersonalData(CapturedOutput output) {
        String name = "Ada Lovelace-Byron";
        String email = "ada.byron@example.org";
        String recruiter = "rita.recruiter@acme.example";
        String answer = "An index hurts when Ada's writes outnumber her reads";
        try (VerboseLogging verbose = VerboseLogging.at(LogLevel.TRACE, WEB_LOGGER)) {
            JsonNode created = invite(Map.of("testId", "java-basics", "recruiterEmail", recruiter,
                    "candidate", Map.of("name", name, "email", email)));
            api(recruiterToken()).get("/api/invitations/" + created.get("id").asString()).expect(200);
            String candidate = redeemAsCandidate(created);
            api(candidate).get("/api/candidate/assessment").expect(200);
            start(candidate);
            save(candidate, "q-text", 1, null, answer).expect(200);
            save(candidate, "q-single", 1, List.of("a"), null).expect(200);
            api(candidate).get("/api/candidate/assessment/session").expect(200);
        }

        assertThat(output).as("Spring MVC logged the bodies").contains("CreateInvitationRequest[", "InvitationView[",
                "SaveAnswerRequest[");
        assertThat(output).doesNotContain(name).doesNotContain(email).doesNotContain(recruiter).doesNotContain(answer);
    }
}
