package io.hirepipe.perf;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The SMTP sink as the harness reads it: the .eml file the sink writes for every message it accepts,
 * before it answers the SMTP client. A file's modification time is the arrival time; only its headers
 * are read. Reading files rather than the mail viewer's JSON keeps the stack's JVM out of the counting.
 */
final class Sink {

    record Mail(String file, String to, String subject, Instant arrivedAt) {
    }

    private final Path dir;
    private final Map<String, Mail> seen = new HashMap<>();

    Sink(Path dir) {
        this.dir = dir;
    }

    /** Every message that arrived so far, each file read once. */
    synchronized List<Mail> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                seen.computeIfAbsent(file.getFileName().toString(), name -> read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(seen.values());
    }

    List<Mail> to(String recipient) {
        return all().stream().filter(mail -> mail.to().toLowerCase().contains(recipient.toLowerCase())).toList();
    }

    private static Mail read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            InternetHeaders headers = new InternetHeaders(in);
            String subject = headers.getHeader("Subject", " ");
            return new Mail(file.getFileName().toString(), String.valueOf(headers.getHeader("To", ",")),
                    subject == null ? "" : MimeUtility.decodeText(MimeUtility.unfold(subject)),
                    Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("Unreadable mail " + file, e);
        }
    }
}
