package io.hirepipe.perf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SinkTest {

    @Test
    void readsRecipientEncodedSubjectAndArrivalTimeOfEachMessageOnce(@TempDir Path mail) throws Exception {
        Path report = mail.resolve("20261201-120000-7-assessment-scored.eml");
        Files.writeString(report, """
                From: Hirepipe <no-reply@hirepipe.local>
                To: perf-p5@perf.hirepipe.test
                Subject: =?UTF-8?Q?Assessment_scored:_P5-k3x9-000042_=E2=80=93_80%_(passed)?=
                Content-Type: text/plain; charset=UTF-8

                body
                """.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(report, FileTime.from(Instant.parse("2026-12-01T12:00:00.250Z")));
        Files.writeString(mail.resolve("invitation.eml"), "To: p5-k3x9-000042@perf.hirepipe.test\r\nSubject: Welcome\r\n\r\nx",
                StandardCharsets.UTF_8);
        Sink sink = new Sink(mail);

        assertThat(sink.all()).hasSize(2);
        assertThat(sink.to("perf-p5@perf.hirepipe.test")).singleElement().satisfies(message -> {
            assertThat(message.subject()).isEqualTo("Assessment scored: P5-k3x9-000042 – 80% (passed)");
            assertThat(message.arrivedAt()).isEqualTo(Instant.parse("2026-12-01T12:00:00.250Z"));
        });
    }
}
