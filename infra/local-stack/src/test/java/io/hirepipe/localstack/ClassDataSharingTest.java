package io.hirepipe.localstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataSharingTest {

    @TempDir
    Path target;

    @Test
    void anUnchangedRebuildKeepsTheFingerprintAndAChangedOneDoesNot() throws IOException {
        Path first = jar(target.resolve("a/svc.jar"), Map.of("App.class", "v1", "lib/x.jar", "x"), 1_000_000L);
        Path rebuilt = jar(target.resolve("b/svc.jar"), Map.of("App.class", "v1", "lib/x.jar", "x"), 9_000_000_000L);
        Path changed = jar(target.resolve("c/svc.jar"), Map.of("App.class", "v2", "lib/x.jar", "x"), 1_000_000L);

        assertThat(ClassDataSharing.fingerprint(rebuilt)).isEqualTo(ClassDataSharing.fingerprint(first));
        assertThat(ClassDataSharing.fingerprint(changed)).isNotEqualTo(ClassDataSharing.fingerprint(first));
    }

    @Test
    void theFirstRunRecordsTheArchiveAndLaterRunsShareIt() throws IOException {
        Path bootJar = jar(target.resolve("svc.jar"), Map.of("App.class", "v1"), 1_000_000L);
        Path extracted = alreadyExtracted(bootJar);

        ClassDataSharing.Launch first = ClassDataSharing.prepare(bootJar, true, message -> { }).orElseThrow();
        assertThat(first.jar()).isEqualTo(extracted);
        ClassDataSharing.Recording recording = first.recording().orElseThrow();
        assertThat(first.jvmOptions()).contains("-XX:ArchiveClassesAtExit=" + recording.partial());

        // a second instance of the same service does not record the same archive
        ClassDataSharing.Launch secondInstance = ClassDataSharing.prepare(bootJar, false, message -> { }).orElseThrow();
        assertThat(secondInstance.recording()).isEmpty();
        assertThat(secondInstance.jvmOptions()).noneMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit")
                || option.startsWith("-XX:SharedArchiveFile"));

        // the JVM wrote its archive and stopped on SIGTERM (exit 143)
        Files.writeString(recording.partial(), "archive");
        recording.keep(143);
        assertThat(recording.archive()).hasContent("archive");
        assertThat(recording.partial()).doesNotExist();

        ClassDataSharing.Launch next = ClassDataSharing.prepare(bootJar, true, message -> { }).orElseThrow();
        assertThat(next.jvmOptions()).contains("-XX:SharedArchiveFile=" + recording.archive());
        assertThat(next.recording()).isEmpty();
    }

    @Test
    void aJvmKilledWhileWritingItsArchiveLeavesNoArchive() throws IOException {
        Path bootJar = jar(target.resolve("svc.jar"), Map.of("App.class", "v1"), 1_000_000L);
        alreadyExtracted(bootJar);
        ClassDataSharing.Recording recording = ClassDataSharing.prepare(bootJar, true, message -> { }).orElseThrow()
                .recording().orElseThrow();
        Files.writeString(recording.partial(), "half an arch");

        recording.keep(137);

        assertThat(recording.archive()).doesNotExist();
        assertThat(recording.partial()).doesNotExist();
        assertThat(ClassDataSharing.prepare(bootJar, true, message -> { }).orElseThrow().recording()).isPresent();
    }

    @Test
    void partialArchivesOfStacksNoLongerRunningAreDeleted() throws IOException {
        Path bootJar = jar(target.resolve("svc.jar"), Map.of("App.class", "v1"), 1_000_000L);
        alreadyExtracted(bootJar);
        long endedPid = new ProcessBuilder("true").start().onExit().join().pid();
        Path abandoned = Files.writeString(target.resolve("cds/svc/classes.jsa." + endedPid + ".partial"), "abandoned");
        Path ofThisStack = Files.writeString(target.resolve("cds/svc/classes.jsa." + ProcessHandle.current().pid()
                + ".partial"), "being written");

        ClassDataSharing.prepare(bootJar, true, message -> { });

        assertThat(abandoned).doesNotExist();
        assertThat(ofThisStack).exists();
    }

    @Test
    void aChangedJarDropsTheOldArchiveAndAJarThatCannotBeExtractedStartsAsBefore() throws IOException {
        Path bootJar = jar(target.resolve("svc.jar"), Map.of("App.class", "v1"), 1_000_000L);
        alreadyExtracted(bootJar);
        Path archive = target.resolve("cds/svc/classes.jsa");
        Files.writeString(archive, "archive of v1");
        // rebuilt with other code; not a Spring Boot jar, so the tools jar mode cannot extract it
        jar(bootJar, Map.of("App.class", "v2"), 1_000_000L);
        List<String> messages = new ArrayList<>();

        Optional<ClassDataSharing.Launch> launch = ClassDataSharing.prepare(bootJar, true, messages::add);

        assertThat(launch).isEmpty();
        assertThat(archive).doesNotExist();
        assertThat(messages).anyMatch(message -> message.contains("class data sharing unavailable for svc.jar")
                && message.contains("starts from the jar"));
    }

    /** The cache as an earlier run left it: the jar extracted for its current content. */
    private Path alreadyExtracted(Path bootJar) throws IOException {
        Path cache = target.resolve("cds/svc");
        Path extracted = cache.resolve("app/svc.jar");
        Files.createDirectories(extracted.getParent());
        Files.writeString(extracted, "extracted");
        Files.writeString(cache.resolve("fingerprint"), ClassDataSharing.fingerprint(bootJar));
        return extracted;
    }

    private static Path jar(Path path, Map<String, String> entries, long entryTime) throws IOException {
        Files.createDirectories(path.getParent());
        try (OutputStream out = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : new java.util.TreeMap<>(entries).entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setLastModifiedTime(FileTime.fromMillis(entryTime));
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return path;
    }
}
