package io.hirepipe.assessment.invitation;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.SubmitReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * An invitation as recruiters and platform clients see it.
 *
 * @param accessUrl the candidate's link: present only in the response that created the invitation
 * @param score     once scoring-service reported it
 * @param integrity what the candidate's browser reported, by type
 * @param lateSaves answer saves refused because they reached the server after the deadline and its grace
 * @param externalReference the creating client's own reference, as given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvitationView(
        @Schema(example = "inv_Wcj2Ks8Lq4Rt6Yb") String id,
        @Schema(example = "t_8ZpQ3vN6cJw1TfHs") String testId,
        @Schema(example = "Backend basics") String testTitle,
        Person candidate,
        @Schema(example = "rita@acme.example") String recruiterEmail,
        InvitationStatus status,
        Instant expiresAt,
        @Schema(example = "45") int durationMinutes,
        @Schema(example = "15") int extraTimeMinutes,
        @Schema(example = "https://hirepipe.example/take#token=it_Zx8\u2026") String accessUrl,
        Instant createdAt,
        @Schema(example = "ses_HJs7Pq2Xv9Lm4Nc") String sessionId,
        Instant startedAt,
        Instant deadline,
        Instant submittedAt,
        SubmitReason submitReason,
        @Schema(example = "Position filled") String revokeReason,
        Instant revokedAt,
        ScoreView score,
        IntegrityView integrity,
        @Schema(example = "0") int lateSaves,
        @Schema(example = "gh-application-4711") String externalReference) {

    /**
     * Spring MVC logs bodies by toString at DEBUG; a record's would print the candidate, the recruiter's email and the
     * candidate's link; a large view, so only those are hidden.
     */
    @Override
    public String toString() {
        return "InvitationView[id=" + id + ", testId=" + testId + ", status=" + status + ", sessionId=" + sessionId
                + ", candidate=[hidden], recruiterEmail=[hidden], accessUrl="
                + (accessUrl == null ? "absent" : "[hidden]") + ", expiresAt=" + expiresAt + ", submittedAt="
                + submittedAt + ", score=" + score + "]";
    }

    /**
     * @param provisional items await review or the result awaits finalisation: not a final score yet
     * @param adjusted    a reviewer changed the machine's score; {@code points} is the adjusted total
     */
    public record ScoreView(@Schema(example = "4") BigDecimal points,
                            @Schema(example = "40") int maxPoints,
                            @Schema(example = "72.5") double percent,
                            boolean passed,
                            Instant scoredAt,
                            boolean provisional,
                            @Schema(example = "1") int reviewCount,
                            boolean adjusted,
                            Instant adjustedAt,
                            Instant finalizedAt) {
    }

    public record IntegrityView(@Schema(example = "4") int recorded,
                                @Schema(example = "0") int dropped,
                                @Schema(example = "{\"FOCUS_LOST\": 3, \"PASTE\": 1}") Map<String, Integer> counts) {
    }

    public static InvitationView of(Invitation invitation, Instant now, String accessUrl) {
        Session session = invitation.session();
        Revocation revocation = invitation.revocation();
        Score score = invitation.score();
        Integrity integrity = invitation.integrity();
        return new InvitationView(
                invitation.id(),
                invitation.testId(),
                invitation.testTitle(),
                invitation.candidate(),
                invitation.recruiterEmail(),
                invitation.statusAt(now),
                invitation.expiresAt(),
                invitation.durationMinutes(),
                invitation.extraTimeMinutes(),
                accessUrl,
                invitation.createdAt(),
                session == null ? null : session.id(),
                session == null ? null : session.startedAt(),
                session == null ? null : session.deadline(),
                session == null ? null : session.submittedAt(),
                session == null ? null : session.submitReason(),
                revocation == null ? null : revocation.reason(),
                revocation == null ? null : revocation.revokedAt(),
                score == null ? null : new ScoreView(score.points(), score.maxPoints(), score.percent(),
                        score.passed(), score.scoredAt(), score.provisional(), score.reviewCount(),
                        score.adjustedAt() != null, score.adjustedAt(), score.finalizedAt()),
                integrity == null ? null : new IntegrityView(integrity.recorded(), integrity.dropped(),
                        integrity.counts()),
                invitation.lateSaves(),
                invitation.externalReference());
    }
}
