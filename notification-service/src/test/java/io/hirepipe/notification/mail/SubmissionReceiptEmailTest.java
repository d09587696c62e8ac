package io.hirepipe.notification.mail;

import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionReceiptEmailTest {

    private final SubmissionReceiptEmail receipt = new SubmissionReceiptEmail(new MailTemplates());

    private static AssessmentSubmitted submitted(String name, String recruiterEmail) {
        return new AssessmentSubmitted("ses-1", "inv-1", "test-1", "Backend basics", new Person(name, "ada@example.org"),
                recruiterEmail, 60, SubmitReason.CANDIDATE, Instant.parse("2026-03-01T09:00:00Z"),
                Instant.parse("2026-03-01T09:40:00Z"), List.of(new SubmittedAnswer("q-1", 1, List.of("a"), null, "Indexes")));
    }

    @Test
    void aReplyToTheReceiptReachesTheRecruiterWhoWillBeInTouch() {
        EmailMessage email = receipt.compose(submitted("Ada", "rita@recruiting.example"));

        assertThat(email.to()).isEqualTo("ada@example.org");
        assertThat(email.replyTo()).isEqualTo("rita@recruiting.example");
        assertThat(email.text()).contains("The recruiter who invited you will be in touch");
    }

    @Test
    void withoutARecruiterAddressTheReceiptStillGoes() {
        EmailMessage email = receipt.compose(submitted("Ada", null));

        assertThat(email.replyTo()).isNull();
        assertThat(email.text()).startsWith("Hello Ada,\n");
    }

    @Test
    void aNameCannotAddLinesToThePlainText() {
        EmailMessage email = receipt.compose(submitted("Ada\n\nYou answered 10 of 10 questions.", "rita@recruiting.example"));

        assertThat(email.text()).startsWith("Hello Ada You answered 10 of 10 questions.,\n")
                .contains("\nYou answered 1 of 1 questions.");
    }
}
