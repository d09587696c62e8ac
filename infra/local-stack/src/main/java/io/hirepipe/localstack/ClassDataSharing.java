package io.hirepipe.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Application class data sharing (AppCDS) for the service JVMs, the way Spring Boot documents it: the fat
 * jar is extracted once ({@code java -Djarmode=tools -jar x.jar extract}, a plain class path the JVM can
 * share), and the first stack run after a change records the classes each service loaded
 * ({@code -XX:ArchiveClassesAtExit}, written when the service stops). Every later start maps them from that
 * archive ({@code -XX:SharedArchiveFile}) instead of finding, reading and verifying some 20,000 classes in
 * each of the five JVMs: on two cores the start is CPU-bound, and this is its largest single share.
 *
 * <p>Nothing here changes what runs: the same classes and JIT. The cache lives next to the jar
 * ({@code <service>/target/cds/}, so {@code mvn clean} drops it) and is keyed by the jar's content (entry names,
 * CRCs and sizes, not timestamps, so an unchanged rebuild keeps it) and by the JVM build. A stale, missing or
 * unreadable archive costs nothing but the speed-up: the JVM then loads classes as usual ({@code -Xshare:auto}).
 */
final class ClassDataSharing {

    static final String DIRECTORY = "cds";

    private ClassDataSharing() {
    }

    /**
     * A service launch with its class path extracted: the JVM options to add, the jar to run instead of
     * the fat jar, and the archive this run records, if it records one.
     */
    record Launch(List<String> jvmOptions, Path jar, Optional<Recording> recording) {
    }

    /**
     * An archive being written by a service JVM at its exit, under a temporary name; {@link #keep} moves
     * it into place only after a clean exit, so a JVM killed mid-dump never leaves half an archive in use.
     */
    record Recording(Path partial, Path archive) {

        /** After the JVM ended: installs the archive when it exited by itself, else drops the partial file. */
        void keep(int exitCode) {
            try {
                // 137: killed (SIGKILL), the dump may be incomplete
                if (exitCode != 137 && Files.isRegularFile(partial) && Files.size(partial) > 0) {
                    Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException e) {
                // the next run records again
            }
        }
    }

    /**
     * How to launch the Spring Boot fat jar {@code bootJar} with class data sharing; empty when it cannot be
     * prepared (not a Spring Boot jar, extraction failed), and the service then starts from the fat jar as before.
     *
     * @param record whether this launch may record the archive when there is none (one instance per service)
     */
    static Optional<Launch> prepare(Path bootJar, boolean record, Consumer<String> progress) {
        Path cacheDir = cacheDir(bootJar);
        try {
            Files.createDirectories(cacheDir);
            Path extracted = extractedJar(bootJar, cacheDir, progress);
            Path archive = cacheDir.resolve("classes.jsa");
            List<String> options = new ArrayList<>();
            Optional<Recording> recording = Optional.empty();
            if (Files.isRegularFile(archive)) {
                options.add("-XX:SharedArchiveFile=" + archive);
            } else if (record) {
                deleteAbandonedRecordings(cacheDir);
                Path partial = cacheDir.resolve("classes.jsa." + ProcessHandle.current().pid() + ".partial");
                options.add("-XX:ArchiveClassesAtExit=" + partial);
                recording = Optional.of(new Recording(partial, archive));
            }
            // the JVM's notes about classes it cannot archive or a stale archive are not for the service log
            options.add("-Xlog:cds=off");
            options.add("-Xlog:cds+dynamic=off");
            return Optional.of(new Launch(options, extracted, recording));
        } catch (IOException | RuntimeException e) {
            progress.accept("class data sharing unavailable for " + bootJar.getFileName() + " (" + e.getMessage()
                    + "); it starts from the jar");
            return Optional.empty();
        }
    }

    /**
     * Extracts the jar now if it needs it (after a build that changed it), so that {@link #prepare} finds it
     * done: the stack runs this while its infrastructure starts. A failure is left for {@link #prepare} to report.
     */
    static void extractAhead(Path bootJar, Consumer<String> progress) {
        try {
            Path cacheDir = cacheDir(bootJar);
            Files.createDirectories(cacheDir);
            extractedJar(bootJar, cacheDir, progress);
        } catch (IOException | RuntimeException e) {
            // prepare() tries again and says why the service starts from its jar
        }
    }

    private static Path cacheDir(Path bootJar) {
        return bootJar.getParent().resolve(DIRECTORY).resolve(baseName(bootJar));
    }

    /**
     * The extracted application jar, extracting it again when the fat jar's content or the JVM changed. A lock
     * keeps two stacks started at once from extracting into the same place.
     */
    private static Path extractedJar(Path bootJar, Path cacheDir, Consumer<String> progress) throws IOException {
        String fingerprint = fingerprint(bootJar);
        Path stamp = cacheDir.resolve("fingerprint");
        Path appDir = cacheDir.resolve("app");
        Path extracted = appDir.resolve(bootJar.getFileName());
        try (FileChannel lockFile = FileChannel.open(cacheDir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
            if (Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).equals(fingerprint)
                    && Files.isRegularFile(extracted)) {
                return extracted;
            }
            progress.accept("extracting " + bootJar.getFileName() + " for class data sharing (once per build)");
            deleteRecursively(appDir);
            Files.deleteIfExists(cacheDir.resolve("classes.jsa"));
            Files.deleteIfExists(stamp);
            extract(bootJar, appDir);
            Files.writeString(stamp, fingerprint, StandardCharsets.UTF_8);
            return extracted;
        }
    }

    private static void extract(Path bootJar, Path destination) throws IOException {
        Process process = new ProcessBuilder(javaBinary(), "-Djarmode=tools", "-jar", bootJar.toString(), "extract",
                "--destination", destination.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("extraction did not finish within 5 minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting", e);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(destination.resolve(bootJar.getFileName()))) {
            throw new IOException("extraction failed with exit code " + process.exitValue());
        }
    }

    /**
     * The jar's content, from its central directory alone (names, CRCs, sizes: cheap even for the largest
     * jar), plus the JVM build, whose archives are its own.
     */
    static String fingerprint(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((System.getProperty("java.vm.version") + "\n" + System.getProperty("java.home") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).forEach(entry -> digest.update(
                    (entry.getName() + "\t" + entry.getCrc() + "\t" + entry.getSize() + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Partial archives of stacks that no longer run (stopped by force before their services finished writing). */
    private static void deleteAbandonedRecordings(Path cacheDir) throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".partial")).toList()) {
                String[] parts = file.getFileName().toString().split("\\.");
                boolean running = parts.length == 4 && parts[2].chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(parts[2])).map(ProcessHandle::isAlive).orElse(false);
                if (!running) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static String baseName(Path jar) {
        String name = jar.getFileName().toString();
        return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
