package io.hirepipe.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class EmlDirectoryTest {

    @Test
    void fileNamesCannotEscapeTheDirectory() {
        String name = EmlDirectory.fileName(mail("12", "../../etc/passwd"));

        assertThat(name).matches("\\d{8}-\\d{6}-12-etc-passwd\\.eml");
    }

    @Test
    void fileNamesStayShortAndWorkWithoutASubject() {
        assertThat(EmlDirectory.fileName(mail("3", "x".repeat(300)))).hasSizeLessThan(80);
        assertThat(EmlDirectory.fileName(mail("4", ""))).matches("\\d{8}-\\d{6}-4\\.eml");
    }

    private static ReceivedMail mail(String id, String subject) {
        return new ReceivedMail(id, "a@b.c", List.of("d@e.f"), subject, Instant.now(), "text", null, "raw");
    }
}
