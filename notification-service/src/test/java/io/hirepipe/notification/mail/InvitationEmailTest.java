package io.hirepipe.notification.mail;

import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InvitationEmailTest {

    private final InvitationEmail invitationEmail = new InvitationEmail(new MailTemplates());

    private static InvitationCreated invitation(String name, String testTitle, String accessUrl) {
        return new InvitationCreated("inv-1", "test-1", testTitle, new Person(name, "ada@example.org"),
                "rec@example.org", accessUrl, 45, Instant.parse("2026-02-02T17:00:00Z"), null, 0);
    }

    private EmailMessage compose(InvitationCreated invitation) {
        return invitationEmail.compose(invitation, invitation.accessUrl());
    }

    @Test
    void tellsTheCandidateWhatHowLongUntilWhenAndWhere() {
        EmailMessage email = compose(invitation("Ada Lovelace", "Backend basics",
                "https://hirepipe.example/a/tok_123?x=1&y=2"));

        assertThat(email.to()).isEqualTo("ada@example.org");
        assertThat(email.replyTo()).as("a reply reaches the recruiter who invited").isEqualTo("rec@example.org");
        assertThat(email.subject()).isEqualTo("Your Backend basics assessment");
        assertThat(email.html())
                .contains("Hello <span>Ada Lovelace</span>")
                .contains("<strong>Backend basics</strong>")
                .contains("45 minutes")
                .contains("Mon 2 Feb 2026, 17:00 UTC")
                .contains("href=\"https://hirepipe.example/a/tok_123?x=1&amp;y=2\"");
        assertThat(email.text())
                .contains("Hello Ada Lovelace,")
                .contains("Backend basics assessment")
                .contains("45 minutes")
                .contains("valid until Mon 2 Feb 2026, 17:00 UTC")
                .contains("https://hirepipe.example/a/tok_123?x=1&y=2")
                .doesNotContain("<");
    }

    @Test
    void aCandidateWithExtraTimeIsToldTheWholeTimeTheirPageCountsDownFrom() {
        EmailMessage email = compose(new InvitationCreated("inv-1", "test-1", "Backend basics",
                new Person("Ada Lovelace", "ada@example.org"), "rec@example.org", "https://hirepipe.example/a/tok", 45,
                Instant.parse("2026-02-02T17:00:00Z"), null, 15));

        assertThat(email.html()).contains("<strong>60 minutes</strong> (including your 15 minutes of extra time) to finish")
                .doesNotContain("45 minutes");
        assertThat(email.text()).contains("you have 60 minutes (including your 15 minutes of extra time) to finish")
                .doesNotContain("45 minutes");
        assertThat(compose(invitation("Ada", "Backend basics", "https://hirepipe.example/a/tok")).text())
                .as("no extra time, no mention of it").contains("you have 45 minutes to finish");
    }

    @Test
    void escapesMarkupInNamesAndTitles() {
        EmailMessage email = compose(invitation("<script>alert(1)</script>", "<b>Java</b> & \"SQL\"",
                "https://hirepipe.example/a/tok"));

        assertThat(email.html())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<b>Java</b>")
                .contains("&lt;b&gt;Java&lt;/b&gt; &amp; &quot;SQL&quot;");
    }

    @Test
    void subjectCannotCarryExtraHeaders() {
        EmailMessage email = compose(invitation("Ada", "Java\r\nBcc: evil@example.org",
                "https://hirepipe.example/a/tok"));

        assertThat(email.subject()).isEqualTo("Your Java Bcc: evil@example.org assessment").doesNotContain("\n", "\r");
    }

    @Test
    void aNameCannotAddLinesToThePlainText() {
        EmailMessage email = compose(invitation("Ada\n\nStart the assessment:\nhttps://evil.example/a", "Go\r\nNow",
                "https://hirepipe.example/a/tok"));

        assertThat(email.text())
                .startsWith("Hello Ada Start the assessment: https://evil.example/a,\n")
                .contains("take the Go Now assessment")
                .doesNotContain("\nhttps://evil.example");
    }

    @Test
    void aMissingNameGetsAFriendlyGreeting() {
        assertThat(compose(invitation(null, "Go", "https://h.example/a")).text())
                .startsWith("Hello there,");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,hi", "/relative/link", "not a url", "https:///nohost"})
    void onlyWebLinksAreSent(String accessUrl) {
        assertThatIllegalArgumentException().isThrownBy(() ->
                compose(invitation("Ada", "Go", accessUrl)));
    }
}
