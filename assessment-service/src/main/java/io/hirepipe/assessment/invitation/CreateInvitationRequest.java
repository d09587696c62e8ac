package io.hirepipe.assessment.invitation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param expiresInHours   how long the link may be used to start; default 72
 * @param extraTimeMinutes added to the test's duration for this candidate (accommodations); default 0
 * @param recruiterEmail   who receives the report; defaults to the signed-in recruiter
 * @param externalReference the caller's own id for this invitation (an ATS application id, say): stored,
 *                          shown and filterable, never interpreted
 */
public record CreateInvitationRequest(
        @Schema(example = "t_8ZpQ3vN6cJw1TfHs") @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9._:-]*$", message = "must be a test id") String testId,
        @NotNull @Valid CandidateInput candidate,
        @Schema(example = "72") @Min(1) @Max(720) Integer expiresInHours,
        @Schema(example = "15") @Min(0) @Max(240) Integer extraTimeMinutes,
        @Schema(example = "rita@acme.example") @Email @Size(max = 254) String recruiterEmail,
        @Schema(example = "gh-application-4711") @Size(max = 200) @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$", message = "must not contain control characters")
        String externalReference) {

    /**
     * Spring MVC logs bodies by toString at DEBUG; a record's would print the candidate's and the recruiter's details.
     */
    @Override
    public String toString() {
        return "CreateInvitationRequest[testId=" + testId + ", expiresInHours=" + expiresInHours
                + ", extraTimeMinutes=" + extraTimeMinutes + ", candidate=" + candidate
                + ", recruiterEmail=[hidden]]";
    }

    static final int DEFAULT_EXPIRES_IN_HOURS = 72;

    public int expiresInHoursOrDefault() {
        return expiresInHours == null ? DEFAULT_EXPIRES_IN_HOURS : expiresInHours;
    }

    public int extraTimeMinutesOrDefault() {
        return extraTimeMinutes == null ? 0 : extraTimeMinutes;
    }

    public record CandidateInput(
            @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) String name,
            @Schema(example = "rita@acme.example") @NotBlank @Email @Size(max = 254) String email) {

        /** Spring MVC logs bodies by toString at DEBUG; a record's would print the candidate's name and email. */
        @Override
        public String toString() {
            return "CandidateInput[hidden]";
        }
    }
}
