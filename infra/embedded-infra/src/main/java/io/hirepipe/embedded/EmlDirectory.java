package io.hirepipe.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A directory receiving one .eml file per message, named so that a file manager lists them in arrival order
 * and a person can tell them apart: {@code 20250101-120000-7-welcome-to-your-assessment.eml}.
 */
final class EmlDirectory {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());
    private static final int MAX_SLUG_LENGTH = 50;

    private final Path directory;

    EmlDirectory(Path directory) {
        this.directory = directory.toAbsolutePath();
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the mail directory " + this.directory, e);
        }
    }

    Path path() {
        return directory;
    }

    Path write(ReceivedMail mail, byte[] raw) throws IOException {
        Path file = directory.resolve(fileName(mail));
        Files.write(file, raw, StandardOpenOption.CREATE_NEW);
        return file;
    }

    static String fileName(ReceivedMail mail) {
        String slug = slug(mail.subject());
        return TIMESTAMP.format(mail.receivedAt()) + "-" + mail.id() + (slug.isEmpty() ? "" : "-" + slug) + ".eml";
    }

    /** Subjects are user-controlled: only ASCII letters and digits survive, so no path tricks are possible. */
    private static String slug(String subject) {
        String slug = subject.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.length() <= MAX_SLUG_LENGTH ? slug : slug.substring(0, MAX_SLUG_LENGTH).replaceAll("-+$", "");
    }
}
