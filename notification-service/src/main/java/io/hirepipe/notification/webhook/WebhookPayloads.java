package io.hirepipe.notification.webhook;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentStarted;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationExpired;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.contracts.events.ScoreAdjusted;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a receiver gets for each event: {@code {"type", "timestamp", "eventId", "data"}}, the
 * Standard Webhooks shape. Data holds ids, the status, a score summary and the URL of the full
 * result behind the gateway. Never answer text, the candidate's link or token, or anyone's email:
 * the receiver fetches details with its own credentials.
 */
@Component
public class WebhookPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String publicBaseUrl;

    public WebhookPayloads(WebhookProperties properties) {
        this.publicBaseUrl = stripTrailingSlash(properties.publicBaseUrl());
    }

    /** The webhook this event becomes, or empty for events no subscriber can ask for. */
    public Optional<WebhookEvent> of(EventEnvelope<?> envelope) {
        Map<String, Object> data = new LinkedHashMap<>();
        WebhookEventType type;
        Object payload = envelope.payload();
        if (payload instanceof InvitationCreated e) {
            type = WebhookEventType.INVITATION_CREATED;
            data.put("invitationId", e.invitationId());
            data.put("testId", e.testId());
            data.put("status", "INVITED");
            data.put("expiresAt", iso(e.expiresAt()));
            data.put("invitationUrl", invitationUrl(e.invitationId()));
        } else if (payload instanceof AssessmentStarted e) {
            type = WebhookEventType.ASSESSMENT_STARTED;
            data.put("invitationId", e.invitationId());
            data.put("sessionId", e.sessionId());
            data.put("status", "STARTED");
            data.put("startedAt", iso(e.startedAt()));
            data.put("deadline", iso(e.deadline()));
            data.put("invitationUrl", invitationUrl(e.invitationId()));
        } else if (payload instanceof AssessmentSubmitted e) {
            type = WebhookEventType.ASSESSMENT_SUBMITTED;
            data.put("invitationId", e.invitationId());
            data.put("sessionId", e.sessionId());
            data.put("testId", e.testId());
            data.put("status", "SUBMITTED");
            data.put("submitReason", e.reason() == null ? null : e.reason().name());
            data.put("submittedAt", iso(e.submittedAt()));
            data.put("invitationUrl", invitationUrl(e.invitationId()));
        } else if (payload instanceof AssessmentScored e) {
            type = WebhookEventType.ASSESSMENT_SCORED;
            data.put("invitationId", e.invitationId());
            data.put("sessionId", e.sessionId());
            data.put("testId", e.testId());
            data.put("status", e.provisional() ? "SCORED_PROVISIONAL" : "SCORED");
            data.put("score", score(e.points(), e.maxPoints(), e.percent(), e.passMarkPercent(), e.passed(),
                    e.provisional(), e.reviewCount()));
            data.put("scoredAt", iso(e.scoredAt()));
            data.put("resultUrl", resultUrl(e.sessionId()));
        } else if (payload instanceof ScoreAdjusted e) {
            type = WebhookEventType.SCORE_ADJUSTED;
            data.put("invitationId", e.invitationId());
            data.put("sessionId", e.sessionId());
            data.put("questionId", e.questionId());
            data.put("status", e.provisional() ? "ADJUSTED_PROVISIONAL" : "ADJUSTED");
            data.put("score", score(e.points(), e.maxPoints(), e.percent(), null, e.passed(), e.provisional(),
                    e.reviewCount()));
            data.put("adjustedAt", iso(e.adjustedAt()));
            data.put("resultUrl", resultUrl(e.sessionId()));
        } else if (payload instanceof AssessmentFinalized e) {
            type = WebhookEventType.ASSESSMENT_FINALIZED;
            data.put("invitationId", e.invitationId());
            data.put("sessionId", e.sessionId());
            data.put("testId", e.testId());
            data.put("status", "FINAL");
            data.put("score", score(e.points(), e.maxPoints(), e.percent(), e.passMarkPercent(), e.passed(),
                    false, 0));
            data.put("finalizedAt", iso(e.finalizedAt()));
            data.put("resultUrl", resultUrl(e.sessionId()));
        } else if (payload instanceof InvitationRevoked e) {
            type = WebhookEventType.INVITATION_REVOKED;
            data.put("invitationId", e.invitationId());
            data.put("status", "REVOKED");
            data.put("invitationUrl", invitationUrl(e.invitationId()));
        } else if (payload instanceof InvitationExpired e) {
            type = WebhookEventType.INVITATION_EXPIRED;
            data.put("invitationId", e.invitationId());
            data.put("testId", e.testId());
            data.put("status", "EXPIRED");
            data.put("expiresAt", iso(e.expiresAt()));
            data.put("invitationUrl", invitationUrl(e.invitationId()));
        } else {
            return Optional.empty();
        }
        return Optional.of(new WebhookEvent(type.wireName(), body(type.wireName(), envelope.eventId(),
                envelope.occurredAt(), data)));
    }

    /** The body of a test ping. */
    public String ping(String pingId, String subscriptionId, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscriptionId", subscriptionId);
        data.put("message", "This is a test delivery from Hirepipe.");
        return body(WebhookEventType.TEST, pingId, at, data);
    }

    private static String body(String type, String eventId, Instant occurredAt, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", occurredAt == null ? null : occurredAt.toString());
        body.put("eventId", eventId);
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }

    /**
     * {@code provisional: true} means items await a person's review and the score may change:
     * an ATS should wait for assessment.finalized (or a later event with provisional false).
     */
    private static Map<String, Object> score(BigDecimal points, int maxPoints, double percent, Integer passMarkPercent,
                                             boolean passed, boolean provisional, int reviewCount) {
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("points", points);
        score.put("maxPoints", maxPoints);
        score.put("percent", percent);
        if (passMarkPercent != null) {
            score.put("passMarkPercent", passMarkPercent);
        }
        score.put("passed", passed);
        score.put("provisional", provisional);
        score.put("reviewCount", reviewCount);
        return score;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private String resultUrl(String sessionId) {
        return publicBaseUrl + "/api/v1/results/" + sessionId;
    }

    private String invitationUrl(String invitationId) {
        return publicBaseUrl + "/api/v1/invitations/" + invitationId;
    }

    private static String stripTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** @param body the JSON exactly as it will be signed and sent */
    public record WebhookEvent(String type, String body) {
    }
}
