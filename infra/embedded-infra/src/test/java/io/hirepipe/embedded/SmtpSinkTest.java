package io.hirepipe.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmtpSinkTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path mailDir;

    private SmtpSink sink;

    @BeforeEach
    void startSink() {
        sink = SmtpSink.start(0, mailDir);
    }

    @AfterEach
    void stopSink() {
        sink.close();
    }

    @Test
    void aStoppedListenerRefusesMailAndKeepsWhatArrivedUntilItListensAgain() throws Exception {
        MailSending.sendText(sink.port(), "ada@example.org", "before", "one");
        sink.awaitMessages(1, WAIT);

        sink.stopListening();
        assertThat(sink.isListening()).isFalse();
        assertThat(PortCheck.isFree(sink.port())).isTrue();
        assertThatThrownBy(() -> MailSending.sendText(sink.port(), "ada@example.org", "during", "refused"))
                .isInstanceOf(jakarta.mail.MessagingException.class);

        sink.startListening();
        MailSending.sendText(sink.port(), "ada@example.org", "after", "two");

        assertThat(sink.awaitMessages(2, WAIT)).extracting(ReceivedMail::subject).containsExactly("before", "after");
    }

    @Test
    void receivesAMultipartMessageForSeveralRecipientsOnce() throws Exception {
        Instant before = Instant.now();

        MailSending.sendTextAndHtml(sink.port(), "Hirepipe <noreply@hirepipe.test>",
                "ada@example.org, alan@example.org", "audit@hirepipe.test", "Your assessment is ready",
                "Hello Ada, start here: https://hirepipe.test/a/42", "<p>Hello <b>Ada</b></p>");

        List<ReceivedMail> mails = sink.awaitMessages(1, WAIT);
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.id()).isEqualTo("1");
            assertThat(mail.from()).isEqualTo("Hirepipe <noreply@hirepipe.test>");
            assertThat(mail.to()).containsExactlyInAnyOrder("ada@example.org", "alan@example.org", "audit@hirepipe.test");
            assertThat(mail.isAddressedTo("ADA@example.org")).isTrue();
            assertThat(mail.subject()).isEqualTo("Your assessment is ready");
            assertThat(mail.receivedAt()).isBetween(before, Instant.now());
            assertThat(mail.textBody()).isEqualTo("Hello Ada, start here: https://hirepipe.test/a/42");
            assertThat(mail.htmlBody()).isEqualTo("<p>Hello <b>Ada</b></p>");
            assertThat(mail.rawEml()).contains("Subject: Your assessment is ready").contains("multipart/alternative");
        });
    }

    @Test
    void writesEachMessageAsAnEmlFileAMailClientCanOpen() throws Exception {
        MailSending.sendText(sink.port(), "ada@example.org", "Grüße & <Willkommen>", "Hallo Ada ✓");
        ReceivedMail mail = sink.awaitMessages(1, WAIT).get(0);

        List<Path> files;
        try (Stream<Path> listing = Files.list(mailDir)) {
            files = listing.toList();
        }
        assertThat(sink.mailDir()).contains(mailDir.toAbsolutePath());
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.getFileName().toString()).matches("\\d{8}-\\d{6}-1-gr-e-willkommen\\.eml");
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage parsed = new MimeMessage(MailSending.session(sink.port()), in);
                assertThat(parsed.getSubject()).isEqualTo("Grüße & <Willkommen>");
                assertThat(parsed.getContent()).isEqualTo("Hallo Ada ✓");
            }
        });
        assertThat(mail.textBody()).isEqualTo("Hallo Ada ✓");
        assertThat(mail.htmlBody()).isNull();
    }

    @Test
    void awaitsTheMessageMatchingACondition() throws Exception {
        MailSending.sendText(sink.port(), "ada@example.org", "For Ada", "a");
        MailSending.sendText(sink.port(), "grace@example.org", "For Grace", "g");

        ReceivedMail forGrace = sink.awaitMessage(mail -> mail.isAddressedTo("grace@example.org"), WAIT);

        assertThat(forGrace.subject()).isEqualTo("For Grace");
        assertThat(sink.message(forGrace.id())).contains(forGrace);
        assertThat(sink.messages()).extracting(ReceivedMail::subject).containsExactly("For Ada", "For Grace");
    }

    @Test
    void failsWithWhatArrivedWhenTooFewMessagesCome() throws Exception {
        MailSending.sendText(sink.port(), "ada@example.org", "Only one", "text");

        assertThatThrownBy(() -> sink.awaitMessages(2, Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Expected at least 2 mail(s) within PT0.3S but received 1: 'Only one' to [ada@example.org]");
    }

    @Test
    void resetForgetsMessagesButNotIds() throws Exception {
        MailSending.sendText(sink.port(), "ada@example.org", "First", "1");
        sink.awaitMessages(1, WAIT);

        sink.reset();
        assertThat(sink.messages()).isEmpty();

        MailSending.sendText(sink.port(), "ada@example.org", "Second", "2");
        assertThat(sink.awaitMessages(1, WAIT)).singleElement()
                .satisfies(mail -> assertThat(mail.id()).isEqualTo("2"));
    }

    @Test
    void keepsMessagesInMemoryOnlyWithoutAMailDirectory() throws Exception {
        try (SmtpSink memoryOnly = SmtpSink.start(0, null)) {
            MailSending.sendText(memoryOnly.port(), "ada@example.org", "In memory", "text");

            assertThat(memoryOnly.awaitMessages(1, WAIT)).extracting(ReceivedMail::subject).containsExactly("In memory");
            assertThat(memoryOnly.mailDir()).isEmpty();
        }
    }
}
