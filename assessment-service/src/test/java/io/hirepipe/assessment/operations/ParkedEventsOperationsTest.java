package io.hirepipe.assessment.operations;

import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.assessment.support.ParkedOutboxEvents;
import io.hirepipe.contracts.Topics;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.testkit.HttpApi;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static io.hirepipe.testkit.OpenApiAssertions.assertDocumentsRefusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator of a tenant sees the events the relay had to set aside, without what they carry, and sends one on
 * its way again once the cause is fixed: the relay publishes it from its invitation's outbox.
 */
class ParkedEventsOperationsTest extends AssessmentIntegrationTest {

    private static final String PARKED = "/api/operations/assessment/parked-events";

    @Test
    void anOperatorListsTheTenantsParkedEventsAndRequeuesOneWhichIsThenPublished() {
        String invitationId = invite("java-basics", "ada@example.com").get("id").asString();
        awaitOutboxSent(invitationId);
        String parked = new ParkedOutboxEvents(mongo, tenant, clock.instant())
                .park(invitationId, "Ada Lovelace", "ada@example.com");
        String othersParked = new ParkedOutboxEvents(mongo, "tenant-" + UUID.randomUUID(), clock.instant())
                .park("inv-elsewhere", "Grace Hopper", "grace@example.com");
        HttpApi recruiter = api(recruiterToken());

        HttpApi.Response listed = recruiter.get(PARKED);
        JsonNode items = listed.expect(200).get("items");
        assertThat(items.values().stream().map(item -> item.get("eventId").asString()))
                .as("this tenant's, not the other's").containsExactly(parked);
        JsonNode item = items.get(0);
        assertThat(item.get("type").asString()).isEqualTo("InvitationCreated");
        assertThat(item.get("topic").asString()).isEqualTo(Topics.INVITATIONS);
        assertThat(item.get("collection").asString()).isEqualTo("invitations");
        assertThat(item.get("documentId").asString()).isEqualTo(invitationId);
        assertThat(item.get("reason").asString()).isEqualTo("RecordTooLargeException: test");
        assertThat(listed.body()).as("the event itself stays out of the list").doesNotContain("ada@example.com",
                "Ada Lovelace", "sealed-link");

        assertThat(recruiter.post(PARKED + "/" + parked + "/requeue", null).expect(200).get("eventId").asString())
                .isEqualTo(parked);

        await().atMost(EVENT_WAIT).until(() -> events("InvitationCreated", invitationId).stream()
                .anyMatch(record -> parked.equals(record.envelope().eventId())));
        awaitOutboxSent(invitationId);
        assertThat(recruiter.get(PARKED).expect(200).get("items").values()).isEmpty();
        assertThat(mongo.findById(othersParked, Document.class, Outbox.PARKED_COLLECTION)).isNotNull();
    }

    @Test
    void anotherTenantsOrAnUnknownEventIsNotFoundAndStaysParked() {
        String othersParked = new ParkedOutboxEvents(mongo, "tenant-" + UUID.randomUUID(), clock.instant())
                .park("inv-elsewhere", "Grace Hopper", "grace@example.com");
        HttpApi recruiter = api(recruiterToken());

        recruiter.post(PARKED + "/" + othersParked + "/requeue", null).problem(404, "not-found");
        recruiter.post(PARKED + "/evt_unknown/requeue", null).problem(404, "not-found");
        assertThat(mongo.findById(othersParked, Document.class, Outbox.PARKED_COLLECTION)).isNotNull();
    }

    @Test
    void anEventWhoseInvitationIsGoneIsRefusedAndStaysParked() {
        String parked = new ParkedOutboxEvents(mongo, tenant, clock.instant())
                .park("inv-deleted-" + UUID.randomUUID(), "Ada Lovelace", "ada@example.com");
        String requeue = PARKED + "/" + parked + "/requeue";

        JsonNode refused = api(recruiterToken()).post(requeue, null).problem(409, "document-gone");

        assertThat(refused.get("detail").asString()).contains(parked, "invitations");
        assertDocumentsRefusal(api(null).get("/v3/api-docs").expect(200), "POST", requeue, refused);
        assertThat(api(recruiterToken()).get(PARKED).expect(200).get("items").values())
                .extracting(listed -> listed.get("eventId").asString()).containsExactly(parked);
    }

    @Test
    void aLimitOutsideOneTo500IsABadRequest() {
        api(recruiterToken()).get(PARKED + "?limit=0").problem(400);
        api(recruiterToken()).get(PARKED + "?limit=501").problem(400);
        api(recruiterToken()).get(PARKED + "?limit=many").problem(400);
    }
}
