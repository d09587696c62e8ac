package io.hirepipe.assessment.privacy;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.contracts.events.PrivacySettingsChanged;
import io.hirepipe.testkit.EventRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin sets retention and the privacy contact; every service hears of it; candidates see the notice. */
class PrivacySettingsTest extends AssessmentIntegrationTest {

    private static Map<String, Object> settings(Object retentionDays, String name, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("retentionDays", retentionDays);
        body.put("contactName", name);
        body.put("contactEmail", email);
        return body;
    }

    @Test
    void savedSettingsAreAnnouncedAndShownToTheCandidateOnTheWelcomePage() {
        JsonNode none = api(adminToken()).get("/api/settings/privacy").expect(200);
        assertThat(none.path("retentionDays").isNumber()).as("kept until erased until a retention is chosen").isFalse();
        JsonNode created = invite("java-basics", "ada@example.org");
        String candidate = redeemAsCandidate(created);
        assertThat(api(candidate).get("/api/candidate/assessment").expect(200).has("privacyNotice")).isFalse();

        JsonNode saved = api(adminToken()).put("/api/settings/privacy",
                settings(180, "Data Protection Office", "privacy@acme.example")).expect(200);
        assertThat(saved.get("retentionDays").asInt()).isEqualTo(180);
        api(adminToken()).put("/api/settings/privacy", settings(null, "DPO", "dpo@acme.example")).expect(200);

        List<EventRecord> announced = kafka.awaitRecords(Topics.PRIVACY, r -> tenant.equals(r.key())
                && r.envelope() != null && r.envelope().payload() instanceof PrivacySettingsChanged c && c.revision() == 2);
        PrivacySettingsChanged latest = (PrivacySettingsChanged) announced.get(announced.size() - 1).envelope().payload();
        assertThat(latest.retentionDays()).isNull();
        assertThat(latest.contactEmail()).isEqualTo("dpo@acme.example");
        assertThat(api(adminToken()).get("/api/settings/privacy").expect(200).get("contactName").asString())
                .isEqualTo("DPO");

        // each change is in the tenant's audit log: who, and the retention before and after (no contact details)
        java.util.function.Predicate<EventRecord> settingsChanged = r -> r.envelope() != null
                && tenant.equals(r.envelope().tenantId())
                && r.payload() instanceof AuditRecorded a && a.action().equals("privacy.settings-changed");
        kafka.awaitRecords(Topics.AUDIT, settingsChanged.and(r -> "none".equals(
                ((AuditRecorded) r.payload()).details().get("retentionDays"))));
        List<AuditRecorded> audited = kafka.readToEnd(Topics.AUDIT, settingsChanged).stream()
                .map(r -> (AuditRecorded) r.payload()).toList();
        assertThat(audited).extracting(a -> a.details().get("retentionDays")).containsExactlyInAnyOrder("180", "none");
        AuditRecorded shortened = audited.stream().filter(a -> a.details().get("retentionDays").equals("none"))
                .findFirst().orElseThrow();
        assertThat(shortened.details()).containsEntry("previousRetentionDays", "180").containsEntry("contactChanged", "true");
        assertThat(shortened.targetType()).isEqualTo("privacy-settings");
        assertThat(shortened.actorKind()).isEqualTo("RECRUITER");
        assertThat(shortened.toString()).doesNotContain("dpo@acme.example", "privacy@acme.example");

        JsonNode notice = api(candidate).get("/api/candidate/assessment").expect(200).get("privacyNotice");
        assertThat(notice.get("contactName").asString()).isEqualTo("DPO");
        assertThat(notice.get("contactEmail").asString()).isEqualTo("dpo@acme.example");
        assertThat(notice.path("retentionDays").isNumber()).isFalse();
        // another tenant's settings are its own
        JsonNode elsewhere = api(adminToken("other-" + tenant)).get("/api/settings/privacy").expect(200);
        assertThat(elsewhere.path("contactEmail").isString()).isFalse();
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndChangeNothing() {
        api(adminToken()).put("/api/settings/privacy", settings(90, "DPO", "dpo@acme.example")).expect(200);
        assertField(api(adminToken()).put("/api/settings/privacy", settings(29, "DPO", "dpo@acme.example"))
                .problem(400), "retentionDays");
        assertField(api(adminToken()).put("/api/settings/privacy", settings(3651, "DPO", "dpo@acme.example"))
                .problem(400), "retentionDays");
        assertField(api(adminToken()).put("/api/settings/privacy", settings(90, "DPO", "not an email"))
                .problem(400), "contactEmail");
        assertField(api(adminToken()).put("/api/settings/privacy", settings(90, " ", "dpo@acme.example"))
                .problem(400), "contactName");
        api(adminToken()).put("/api/settings/privacy", "{\"retentionDays\":\"forever\"}").problem(400);
        JsonNode huge = api(adminToken()).put("/api/settings/privacy", settings(99_999_999_999L, "DPO",
                "dpo@acme.example")).problem(400, "invalid-request");
        assertField(huge, "retentionDays");
        assertThat(huge.get("detail").asString()).isEqualTo("Field 'retentionDays' is too large.");
        assertThat(api(adminToken()).get("/api/settings/privacy").expect(200).get("retentionDays").asInt()).isEqualTo(90);
    }

    @Test
    void candidatesAndApiKeysCannotReadOrChangeTheSettings() {
        JsonNode created = invite("java-basics", "ada@example.org");
        String candidate = redeemAsCandidate(created);
        assertThat(api(candidate).get("/api/settings/privacy").status()).isEqualTo(403);
        assertThat(api(platformToken()).put("/api/settings/privacy", settings(90, "DPO", "dpo@acme.example")).status())
                .isEqualTo(403);
        assertThat(api(null).get("/api/settings/privacy").status()).isEqualTo(401);
    }

    static void assertField(JsonNode problem, String field) {
        assertThat(problem.toString()).contains("\"field\":\"" + field + "\"");
    }
}
