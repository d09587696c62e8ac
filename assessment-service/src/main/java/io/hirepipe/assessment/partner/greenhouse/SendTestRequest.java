package io.hirepipe.assessment.partner.greenhouse;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The body of Greenhouse's {@code send_test} request, exactly as its Assessment API documents it.
 * Greenhouse reserves the right to add properties, so unknown ones are ignored. Its examples send
 * {@code partner_test_id} both as a string and as a number: both are read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SendTestRequest(
        @Schema(type = "string", description = "A test id from list_tests (a number is accepted too)", example = "t_8ZpQ3vN6cJw1TfHs")
        @JsonProperty("partner_test_id") JsonNode partnerTestId,
        @JsonProperty("candidate") Candidate candidate,
        @Schema(description = "Greenhouse's URL of this take-home test: Hirepipe sends it a PATCH when the result is final. "
                + "https, on a Greenhouse host (app.greenhouse.io or app.eu.greenhouse.io unless configured otherwise)",
                example = "https://app.greenhouse.io/integrations/testing_partners/take_home_tests/4711") @JsonProperty("url") String url) {

    private static final Pattern TEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Candidate(
            @Schema(example = "Ada") @JsonProperty("first_name") String firstName,
            @Schema(example = "Lovelace") @JsonProperty("last_name") String lastName,
            @Schema(example = "rita@acme.example") @JsonProperty("email") String email,
            @Schema(example = "+44 20 7946 0958") @JsonProperty("phone_number") String phoneNumber,
            @Schema(example = "https://app.greenhouse.io/resumes/4711.pdf") @JsonProperty("resume_url") String resumeUrl,
            @Schema(example = "https://app.greenhouse.io/people/4711") @JsonProperty("greenhouse_profile_url") String greenhouseProfileUrl) {

        /** Spring MVC logs a body it read by this at DEBUG: the candidate's details stay out of the logs. */
        @Override
        public String toString() {
            return "Candidate[hidden]";
        }

        /** As the candidate is greeted in Hirepipe's email. */
        String fullName() {
            return (firstName.strip() + " " + lastName.strip()).strip();
        }
    }

    /** The test id as text; call only once {@link #problems} found none. */
    String testId() {
        return partnerTestId.isNumber() ? partnerTestId.numberValue().toString() : partnerTestId.asString().strip();
    }

    /** Every problem with the body, each naming its JSON field; empty when the body is usable. */
    List<Map<String, String>> problems(CallbackUrlCheck callbacks) {
        List<Map<String, String>> problems = new ArrayList<>();
        if (partnerTestId == null || partnerTestId.isNull()) {
            problems.add(problem("partner_test_id", "is required"));
        } else if (!(partnerTestId.isString() || partnerTestId.isIntegralNumber())
                || !TEST_ID.matcher(partnerTestId.isNumber() ? partnerTestId.numberValue().toString()
                : partnerTestId.asString().strip()).matches()) {
            problems.add(problem("partner_test_id", "must be a test id from list_tests"));
        }
        if (candidate == null) {
            problems.add(problem("candidate", "is required"));
        } else {
            requireText(problems, "candidate.first_name", candidate.firstName(), 100);
            requireText(problems, "candidate.last_name", candidate.lastName(), 100);
            if (requireText(problems, "candidate.email", candidate.email(), 254)
                    && !EMAIL.matcher(candidate.email().strip()).matches()) {
                problems.add(problem("candidate.email", "must be an email address"));
            }
            if (candidate.greenhouseProfileUrl() != null && candidate.greenhouseProfileUrl().length() > 2_000) {
                problems.add(problem("candidate.greenhouse_profile_url", "must be at most 2000 characters"));
            }
        }
        if (url == null || url.isBlank()) {
            problems.add(problem("url", "is required: Greenhouse is told there when the test is complete"));
        } else {
            callbacks.refusal(url.strip()).ifPresent(why -> problems.add(problem("url", why)));
        }
        return problems;
    }

    private static boolean requireText(List<Map<String, String>> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(problem(field, "is required"));
            return false;
        }
        if (value.length() > max) {
            problems.add(problem(field, "must be at most " + max + " characters"));
            return false;
        }
        return true;
    }

    private static Map<String, String> problem(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
