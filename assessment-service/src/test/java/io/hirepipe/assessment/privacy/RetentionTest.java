package io.hirepipe.assessment.privacy;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.assessment.support.ParkedOutboxEvents;
import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.defaults.privacy.RetentionJob;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The daily retention run deletes invitations past the tenant's retention after scoring, and nothing else. */
class RetentionTest extends AssessmentIntegrationTest {

    @Autowired
    RetentionJob retention;

    @Test
    void invitationsScoredLongerAgoThanTheRetentionAreDeletedAndNothingElse() {
        String otherTenant = tenant;
        String keptElsewhere = scoredInvitation("old-elsewhere@example.org", clock.instant().minus(Duration.ofDays(400)));
        newTenant();
        api(adminToken()).put("/api/settings/privacy",
                Map.of("retentionDays", 30, "contactName", "DPO", "contactEmail", "dpo@acme.example")).expect(200);
        Instant now = clock.instant();
        String expired = scoredInvitation("old@example.org", now.minus(Duration.ofDays(31)));
        String young = scoredInvitation("young@example.org", now.minus(Duration.ofDays(29)));
        String open = invite("java-basics", "open@example.org").get("id").asString();
        ParkedOutboxEvents parking = new ParkedOutboxEvents(mongo, tenant, now);
        String parkedOfExpired = parking.park(expired, "Old Candidate", "old@example.org");
        String parkedOfYoung = parking.park(young, "Young Candidate", "young@example.org");

        Map<String, Map<String, Long>> removed = retention.runOnce();

        assertThat(removed.get(tenant)).containsEntry("invitations", 1L).containsEntry("parked_events", 1L);
        assertThat(parking.json(parkedOfExpired)).as("a parked copy of its event is as old")
                .doesNotContain("Old Candidate", "old@example.org");
        assertThat(parking.json(parkedOfYoung)).contains("Young Candidate");
        assertThat(exists(tenant, expired)).isFalse();
        assertThat(exists(tenant, young)).isTrue();
        assertThat(exists(tenant, open)).isTrue();
        assertThat(exists(otherTenant, keptElsewhere)).as("a tenant without retention keeps its data").isTrue();
        assertThat(retention.runOnce().get(tenant)).as("a second run finds nothing more").containsEntry("invitations", 0L);

        // two days later the younger one has expired too; the open invitation has not ended, so it stays
        clock.advance(Duration.ofDays(2));
        assertThat(retention.runOnce().get(tenant)).containsEntry("invitations", 1L);
        assertThat(exists(tenant, young)).isFalse();
        assertThat(exists(tenant, open)).isTrue();
    }

    private void newTenant() {
        tenant = "tenant-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        QUESTION_SERVICE.define(tenant, javaTest("java-basics", 30));
    }

    private boolean exists(String tenantId, String invitationId) {
        return api(adminToken(tenantId)).get("/api/invitations/" + invitationId).status() == 200;
    }

    private String scoredInvitation(String email, Instant scoredAt) {
        JsonNode created = invite("java-basics", email);
        String invitationId = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        String sessionId = start(candidate).get("sessionId").asString();
        save(candidate, "q-single", 1, List.of("a"), null).expect(200);
        api(candidate).post("/api/candidate/assessment/submit", "").expect(200);
        awaitEvents("AssessmentSubmitted", sessionId);
        kafka.publish(EventEnvelope.of(new AssessmentScored(sessionId, invitationId, "java-basics", "Java basics", null,
                null, new BigDecimal("2"), 11, 18.2, 60, false, null, List.of(), scoredAt, false, 0), tenant, "corr-ret"));
        await().atMost(EVENT_WAIT).until(() -> "SCORED".equals(
                api(adminToken()).get("/api/invitations/" + invitationId).expect(200).get("status").asString()));
        return invitationId;
    }
}
