package io.hirepipe.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (closed model: a fixed number of connections, each sending its next request when the last one
 * answered) for the raw HTTP ratios. A small Lua script makes wrk print its own HdrHistogram
 * percentiles and error counts in one line, so nothing is read off its human-readable summary.
 */
final class Wrk {

    private static final String SCRIPT = """
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("PERF requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d connect=%d read=%d write=%d status=%d timeout=%d\\n",
                summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
                e.connect, e.read, e.write, e.status, e.timeout))
            end
            """;
    private static final Pattern LINE = Pattern.compile("PERF requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p95_us=(\\d+) "
            + "p99_us=(\\d+) connect=(\\d+) read=(\\d+) write=(\\d+) status=(\\d+) timeout=(\\d+)");

    private final Path script;

    Wrk(Path workDir) {
        try {
            Files.createDirectories(workDir);
            script = workDir.resolve("wrk-report.lua");
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean installed() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            probe.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One run of {@code seconds} with {@code connections} connections on one wrk thread. */
    Measurement run(String label, String url, String authorization, int connections, int seconds) {
        try {
            Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                    "-s", script.toString(), "-H", "Authorization: " + authorization, url)
                    .redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            Matcher m = LINE.matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("Cannot read wrk's output for " + url + ":\n" + output);
            }
            long requests = Long.parseLong(m.group(1));
            double seconds2 = Long.parseLong(m.group(2)) / 1e6;
            long errors = 0;
            for (int g = 6; g <= 10; g++) {
                errors += Long.parseLong(m.group(g));
            }
            return new Measurement(label, requests, requests / seconds2, Long.parseLong(m.group(3)) / 1000.0,
                    Long.parseLong(m.group(4)) / 1000.0, Long.parseLong(m.group(5)) / 1000.0, errors);
        } catch (IOException e) {
            throw new UncheckedIOException("wrk is needed (apt-get install -y wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
