package io.hirepipe.defaults.privacy;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.QuestionRetired;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What blanking a waiting event keeps and removes, on the wire format itself. */
class PendingEventsTest {

    @Test
    void aSubmissionLosesNameEmailAnswerTextsAndReferenceAndKeepsIdsAndPicks() {
        AssessmentSubmitted submitted = new AssessmentSubmitted("ses-1", "inv-1", "test-1", "Backend basics",
                new Person("Grace Hopper", "grace@example.org"), "rita@example.com", 60, SubmitReason.CANDIDATE,
                Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:40:00Z"),
                List.of(new SubmittedAnswer("q-1", 1, List.of("b"), null, "Visibility"),
                        new SubmittedAnswer("q-2", 1, List.of(), "COBOL compilers, by Grace", "Compilers")),
                2, false, "gh-4711", 2400L, null);

        String scrubbed = PendingEvents.scrub(EventJson.toJson(EventEnvelope.of(submitted, "tenant-1", "corr-1")));

        assertThat(scrubbed).doesNotContain("Grace", "grace@example.org", "COBOL", "gh-4711");
        EventPayload read = EventJson.fromJson(scrubbed).payload();
        assertThat(read).isInstanceOfSatisfying(AssessmentSubmitted.class, s -> {
            assertThat(s.sessionId()).isEqualTo("ses-1");
            assertThat(s.invitationId()).isEqualTo("inv-1");
            assertThat(s.candidate()).isEqualTo(new Person(PendingEvents.ERASED_NAME, null));
            assertThat(s.recruiterEmail()).as("staff").isEqualTo("rita@example.com");
            assertThat(s.answers()).extracting(SubmittedAnswer::selectedOptionIds).containsExactly(List.of("b"), List.of());
            assertThat(s.answers()).extracting(SubmittedAnswer::text).containsOnlyNulls();
        });
    }

    @Test
    void anInvitationLosesItsSealedLinkAndAnEventOfNoCandidateStaysAsItWas() {
        InvitationCreated invitation = new InvitationCreated("inv-1", "test-1", "Backend basics",
                new Person("Grace Hopper", "grace@example.org"), "rita@example.com", null, 45,
                Instant.parse("2026-03-08T17:00:00Z"), "eyJhbGciOiJSU0EtT0FFUC0yNTYifQ.s3aledT0ken", 0);
        String scrubbed = PendingEvents.scrub(EventJson.toJson(EventEnvelope.of(invitation, "tenant-1", "corr-1")));
        assertThat(scrubbed).doesNotContain("Grace", "grace@example.org", "s3aledT0ken").contains("inv-1");
        // already blanked: blanking again changes nothing
        assertThat(PendingEvents.scrub(scrubbed)).isEqualTo(scrubbed);

        String retired = EventJson.toJson(EventEnvelope.of(new QuestionRetired("q-1", 2), "tenant-1",
                "corr-2"));
        assertThat(PendingEvents.scrub(retired)).isEqualTo(retired);
    }
}
