package io.hirepipe.assessment.partner.greenhouse;

import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.Score;
import io.hirepipe.assessment.invitation.Session;
import io.hirepipe.assessment.partner.greenhouse.GreenhouseViews.TestStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An invitation as Greenhouse's {@code test_status} describes it. Greenhouse stops asking once it
 * hears {@code complete}, and acts on the score it gets then, so a result is complete only when
 * final: a provisional score (items awaiting review) is reported as incomplete, without a score.
 */
final class TestStatusReport {

    static final String COMPLETE = "complete";
    static final String INCOMPLETE = "incomplete";

    private TestStatusReport() {
    }

    static TestStatus of(Invitation invitation, String profileUrlTemplate, Instant now) {
        Session session = invitation.session();
        Score score = invitation.score();
        boolean complete = score != null && !score.provisional();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("Test", invitation.testTitle());
        metadata.put("Status", score != null && score.provisional() ? "Awaiting review" : label(invitation, now));
        if (session != null) {
            metadata.put("Started At", session.startedAt().toString());
            if (session.submittedAt() != null) {
                metadata.put("Completed At", session.submittedAt().toString());
            }
        }
        if (complete) {
            metadata.put("Points", score.points().stripTrailingZeros().toPlainString() + "/" + score.maxPoints());
            metadata.put("Pass Mark", invitation.passMarkPercent() + "%");
            metadata.put("Passed", score.passed() ? "Yes" : "No");
        }
        return new TestStatus(complete ? COMPLETE : INCOMPLETE, profileUrl(profileUrlTemplate, invitation, session),
                complete ? score.percent() : null, metadata);
    }

    /**
     * Greenhouse requires it only once complete. A page named by the session does not exist before the candidate
     * started, so until then there is none (null, Greenhouse's convention for "no value").
     */
    private static String profileUrl(String template, Invitation invitation, Session session) {
        if (session == null && template.contains("{sessionId}")) {
            return null;
        }
        return template.replace("{invitationId}", invitation.id())
                .replace("{sessionId}", session == null ? "" : session.id());
    }

    private static String label(Invitation invitation, Instant now) {
        String status = invitation.statusAt(now).name();
        return status.charAt(0) + status.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
