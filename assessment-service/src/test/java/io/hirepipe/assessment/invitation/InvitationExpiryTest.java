package io.hirepipe.assessment.invitation;

import com.mongodb.client.model.Updates;
import io.hirepipe.assessment.support.AssessmentIntegrationTest;
import io.hirepipe.contracts.events.InvitationExpired;
import io.hirepipe.testkit.EventRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** An invitation nobody started announces its expiry once; started and revoked ones never do. */
class InvitationExpiryTest extends AssessmentIntegrationTest {

    @Autowired
    InvitationExpirySweep sweep;
    @Autowired
    InvitationStore invitations;

    private JsonNode inviteForAnHour(String email) {
        return invite(Map.of("testId", "java-basics", "candidate", Map.of("name", "Ada", "email", email),
                "expiresInHours", 1));
    }

    @Test
    void anUnstartedInvitationPastItsExpiryEmitsInvitationExpiredExactlyOnce() {
        JsonNode unstarted = inviteForAnHour("ada@example.org");
        JsonNode started = inviteForAnHour("bob@example.org");
        start(redeemAsCandidate(started));
        JsonNode revoked = inviteForAnHour("cy@example.org");
        api(recruiterToken()).post("/api/invitations/" + revoked.get("id").asString() + "/revoke",
                "{\"reason\":\"Position filled\"}").expect(200);
        JsonNode longer = invite(Map.of("testId", "java-basics",
                "candidate", Map.of("name", "Di", "email", "di@example.org"), "expiresInHours", 48));
        String id = unstarted.get("id").asString();

        sweep.sweep();
        assertThat(stored(id).containsKey(InvitationExpirySweep.EXPIRY_ANNOUNCED_AT)).as("not expired yet").isFalse();
        // the sweep asks for expiryPending: on every invitation whose expiry may still be announced, on no other
        assertThat(stored(id)).containsEntry(InvitationFields.EXPIRY_PENDING, true);
        assertThat(stored(longer.get("id").asString())).containsEntry(InvitationFields.EXPIRY_PENDING, true);
        assertThat(stored(started.get("id").asString())).doesNotContainKey(InvitationFields.EXPIRY_PENDING);
        assertThat(stored(revoked.get("id").asString())).doesNotContainKey(InvitationFields.EXPIRY_PENDING);

        clock.advance(Duration.ofMinutes(61));
        // several sweeps at once, as several instances would run them: one wins per invitation
        List<CompletableFuture<Integer>> racing = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(sweep::sweep)).toList();
        racing.forEach(CompletableFuture::join);
        relay.publishPending();

        EventRecord event = awaitEvents("InvitationExpired", id).get(0);
        assertThat(event.envelope().tenantId()).isEqualTo(tenant);
        assertThat(event.envelope().schemaVersion()).isEqualTo(1);
        InvitationExpired payload = (InvitationExpired) event.envelope().payload();
        assertThat(payload.invitationId()).isEqualTo(id);
        assertThat(payload.testId()).isEqualTo("java-basics");
        assertThat(payload.expiresAt()).isEqualTo(Instant.parse(unstarted.get("expiresAt").asString()));

        sweep.sweep();
        assertThat(eventsOnceSent(id, "InvitationExpired", id)).hasSize(1);
        for (JsonNode other : List.of(started, revoked, longer)) {
            String otherId = other.get("id").asString();
            assertThat(stored(otherId).containsKey(InvitationExpirySweep.EXPIRY_ANNOUNCED_AT)).as(otherId).isFalse();
            assertThat(eventsOnceSent(otherId, "InvitationExpired", otherId)).as(otherId).isEmpty();
        }
        assertThat(api(recruiterToken()).get("/api/invitations/" + id).expect(200).get("status").asString())
                .isEqualTo("EXPIRED");
        assertThat(stored(id)).as("announced").doesNotContainKey(InvitationFields.EXPIRY_PENDING);
    }

    /** An invitation created by a version that did not mark pending expiries is marked at start-up and announced. */
    @Test
    void anInvitationCreatedBeforePendingExpiriesWereMarkedIsAnnounced() {
        String id = inviteForAnHour("eve@example.org").get("id").asString();
        mongo.getCollection("invitations").updateOne(eq("_id", id), Updates.unset(InvitationFields.EXPIRY_PENDING));
        clock.advance(Duration.ofMinutes(61));
        sweep.sweep();
        assertThat(stored(id)).as("not found unmarked").doesNotContainKey(InvitationExpirySweep.EXPIRY_ANNOUNCED_AT);

        assertThat(invitations.markPendingExpiries()).isEqualTo(1);
        sweep.sweep();
        relay.publishPending();
        assertThat(awaitEvents("InvitationExpired", id)).hasSize(1);
        assertThat(stored(id)).doesNotContainKey(InvitationFields.EXPIRY_PENDING);
    }

    /**
     * A start under way (its questions being fetched) when the invitation expires and the sweep announces it: the
     * invitation has ended, so the start is refused, not a session begun on an invitation reported expired (whose
     * candidate may already have been invited again).
     */
    @Test
    void aStartUnderWayWhenTheExpiryIsAnnouncedIsRefused() {
        JsonNode created = inviteForAnHour("fay@example.org");
        String id = created.get("id").asString();
        String candidate = redeemAsCandidate(created);
        // What other tests of the suite left due goes out first, so that the sweep during the fetch is quick: a
        // fetch longer than the client's time limit would be retried without the sweep in between.
        sweep.sweep();
        AtomicBoolean announcedDuringFetch = new AtomicBoolean();
        QUESTION_SERVICE.beforeNextDelivery(tenant, "java-basics", () -> {
            clock.advance(Duration.ofMinutes(61));
            sweep.sweep();
            announcedDuringFetch.set(stored(id).containsKey(InvitationExpirySweep.EXPIRY_ANNOUNCED_AT));
        });

        api(candidate).post("/api/candidate/assessment/start", "").problem(410, "invitation-expired");

        assertThat(announcedDuringFetch).as("announced while the start fetches its questions").isTrue();
        assertThat(api(recruiterToken()).get("/api/invitations/" + id).expect(200).get("status").asString())
                .isEqualTo("EXPIRED");
        assertThat(stored(id)).doesNotContainKey(InvitationFields.SESSION);
        relay.publishPending();
        assertThat(awaitEvents("InvitationExpired", id)).hasSize(1);
        assertThat(eventsOnceSent(id, "AssessmentStarted", id)).isEmpty();
    }

    /**
     * More invitations due than one batch holds (a bulk invitation's unstarted candidates expiring together): one run
     * announces them all, rather than a batch per interval while the rest wait.
     */
    @Test
    void aBacklogLargerThanABatchIsAnnouncedInOneRun() {
        sweep.sweep(); // what other tests of the suite left due, so that the batches below hold this test's own
        InvitationExpirySweep smallBatches = new InvitationExpirySweep(mongo, clock, 2);
        List<String> ids = IntStream.range(0, 5)
                .mapToObj(i -> inviteForAnHour("batch" + i + "@example.org").get("id").asString()).toList();
        clock.advance(Duration.ofMinutes(61));

        assertThat(smallBatches.sweep()).isGreaterThanOrEqualTo(5);

        for (String id : ids) {
            assertThat(stored(id)).as(id).containsKey(InvitationExpirySweep.EXPIRY_ANNOUNCED_AT);
        }
        relay.publishPending();
        for (String id : ids) {
            assertThat(awaitEvents("InvitationExpired", id)).as(id).hasSize(1);
        }
    }

    private Document stored(String id) {
        return mongo.getCollection("invitations").find(eq("_id", id)).first();
    }
}
