package io.hirepipe.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Each page the browser tests judged, with its transfer size and axe result, written to target/. */
final class PageReport {

    private final Path file;

    private record Entry(long bytes, int violations, int serious, List<String> seriousRules) {
    }

    private final Map<String, Entry> pages = new TreeMap<>();

    PageReport() {
        this("candidate-pages.md");
    }

    /** A report of its own under target/, so two browser suites never overwrite each other's. */
    PageReport(String fileName) {
        this.file = Path.of("target", fileName);
    }

    synchronized void add(String page, long bytes, int violations, int serious, List<String> seriousRules) {
        pages.put(page, new Entry(bytes, violations, serious, seriousRules));
        write();
    }

    private void write() {
        StringBuilder text = new StringBuilder("| page | total transfer | axe violations (all) | serious or critical |\n")
                .append("|---|---|---|---|\n");
        pages.forEach((page, entry) -> text.append("| ").append(page).append(" | ")
                .append(String.format("%.1f KB", entry.bytes() / 1024.0)).append(" | ").append(entry.violations())
                .append(" | ").append(entry.serious()).append(entry.seriousRules().isEmpty() ? "" : " " + entry.seriousRules())
                .append(" |\n"));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
