package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.Answer;
import io.hirepipe.assessment.invitation.Integrity;
import io.hirepipe.contracts.events.IntegrityCounts;
import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.assessment.invitation.QuestionSnapshot;
import io.hirepipe.assessment.invitation.Session;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubmittedEventTest {

    @Test
    void listsEveryQuestionOfTheSessionInOrderWithItsVersionAndTitleAnsweredOrNot() {
        Instant startedAt = Instant.parse("2026-02-01T09:00:00Z");
        List<ChoiceOption> options = List.of(new ChoiceOption("a", "A"), new ChoiceOption("b", "B"));
        Session session = new Session("ses_1", startedAt, startedAt.plusSeconds(1800), List.of(
                new QuestionSnapshot("q1", 3, QuestionKind.SINGLE_CHOICE, "Visibility", "P", options, 1),
                new QuestionSnapshot("q2", 1, QuestionKind.FREE_TEXT, "Indexes", "P", List.of(), 4),
                new QuestionSnapshot("q3", 7, QuestionKind.MULTI_CHOICE, "Collections", "P", options, 2)),
                Map.of("q2", new Answer(List.of(), "my prose", 4, startedAt.plusSeconds(60)),
                        "q1", new Answer(List.of("b"), null, 2, startedAt.plusSeconds(30))),
                null, null);
        Invitation invitation = new Invitation("inv_1", "tenant-a", null, "test-1", "Java", 30, 70,
                new Person("Ada", "ada@example.org"), "rita@example.com", 0, startedAt.plusSeconds(86_400),
                startedAt.minusSeconds(3600), "user-1", InvitationStatus.STARTED, 5, null, session, null, null, null);
        Instant submittedAt = startedAt.plusSeconds(900);

        AssessmentSubmitted event = SubmissionService.submittedEvent(invitation, SubmitReason.CANDIDATE, submittedAt);

        assertThat(event.answers()).containsExactly(
                new SubmittedAnswer("q1", 3, List.of("b"), null, "Visibility"),
                new SubmittedAnswer("q2", 1, List.of(), "my prose", "Indexes"),
                new SubmittedAnswer("q3", 7, List.of(), null, "Collections"));
        assertThat(event.sessionId()).isEqualTo("ses_1");
        assertThat(event.invitationId()).isEqualTo("inv_1");
        assertThat(event.passMarkPercent()).isEqualTo(70);
        assertThat(event.testTitle()).isEqualTo("Java");
        assertThat(event.recruiterEmail()).isEqualTo("rita@example.com");
        assertThat(event.candidate()).isEqualTo(new Person("Ada", "ada@example.org"));
        assertThat(event.startedAt()).isEqualTo(startedAt);
        assertThat(event.submittedAt()).isEqualTo(submittedAt);
        assertThat(event.reason()).isEqualTo(SubmitReason.CANDIDATE);
        assertThat(event.partitionKey()).isEqualTo("ses_1");
        assertThat(event.timeTakenSeconds()).isEqualTo(900);
        assertThat(event.integrity()).as("no signals reported").isEqualTo(IntegrityCounts.NONE);
        assertThat(event.externalReference()).isNull();
        assertThat(event.testVersion()).as("a session from before test versions").isNull();
    }

    @Test
    void carriesTheTestVersionAndWhetherPoolsWereDrawn_forItemAnalysis() {
        Instant startedAt = Instant.parse("2026-02-01T09:00:00Z");
        Session session = new Session("ses_3", startedAt, startedAt.plusSeconds(1800), List.of(), Map.of(), null, null,
                4, true);
        Invitation invitation = new Invitation("inv_3", "tenant-a", null, "test-1", "Java", 30, 70,
                new Person("Ada", "ada@example.org"), "rita@example.com", 0, startedAt.plusSeconds(86_400),
                startedAt.minusSeconds(3600), "user-1", InvitationStatus.STARTED, 5, null, session, null, null, null);

        AssessmentSubmitted event = SubmissionService.submittedEvent(invitation, SubmitReason.CANDIDATE,
                startedAt.plusSeconds(600));

        assertThat(event.testVersion()).isEqualTo(4);
        assertThat(event.drawnFromPools()).isTrue();
    }

    @Test
    void carriesTheReferenceTheTimeTakenAndTheIntegrityCountsResultsAreFilteredOn() {
        Instant startedAt = Instant.parse("2026-02-01T09:00:00Z");
        Session session = new Session("ses_2", startedAt, startedAt.plusSeconds(1800), List.of(), Map.of(), null, null);
        Integrity integrity = new Integrity(4, 2, Map.of("FOCUS_LOST", 3, "FOCUS_REGAINED", 3, "HIDDEN", 1,
                "PASTE", 2), List.of());
        Invitation invitation = new Invitation("inv_2", "tenant-a", null, "test-1", "Java", 30, 70,
                new Person("Ada", "ada@example.org"), "rita@example.com", 0, startedAt.plusSeconds(86_400),
                startedAt.minusSeconds(3600), "user-1", InvitationStatus.STARTED, 5, null, session, null, integrity,
                null, null, 0, 0, "ats-app-9", "key", null);

        AssessmentSubmitted event = SubmissionService.submittedEvent(invitation, SubmitReason.TIMEOUT,
                startedAt.plusSeconds(1810));

        assertThat(event.externalReference()).isEqualTo("ats-app-9");
        assertThat(event.timeTakenSeconds()).isEqualTo(1810);
        assertThat(event.integrity()).isEqualTo(new IntegrityCounts(3, 1, 2, 0));
    }
}
