package io.hirepipe.notification.delivery;

import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.embedded.SmtpSink;
import io.hirepipe.notification.NotificationInstance;
import io.hirepipe.notification.TestEvents;
import io.hirepipe.testkit.EventTopics;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.hirepipe.notification.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email path's CPU per email and throughput, not part of {@code verify} (the class name does not match
 * Surefire's patterns). Run it with:
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl notification-service -am test -Dtest=EmailThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * notification-service runs in this JVM with its production settings against the test kit's Kafka and MongoDB and
 * an SMTP sink of its own that writes .eml files, as the local stack's does. After a warm-up, N AssessmentScored
 * events (each a recruiter report email) are published at once and the run waits for N messages at the sink.
 * Reported: emails/s from the first publish to the last arrival; the CPU time of notification's Kafka listener
 * threads per email (they render, record and send each email; Mongo and SMTP I/O run on them); and the whole JVM's
 * CPU per email (embedded Kafka, MongoDB and the sink included). Figures go to stdout and
 * target/email-throughput-benchmark.txt.
 */
class EmailThroughputBenchmark {

    private static final int EMAILS = Integer.getInteger("benchmark.emails", 1000);
    private static final int WARM_UP = 200;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void recruiterReportsThroughTheSink() throws Exception {
        Path mailDir = Files.createTempDirectory("email-bench");
        EventTopics kafka = EventTopics.shared();
        try (SmtpSink sink = SmtpSink.start(0, mailDir);
             ConfigurableApplicationContext service = new NotificationInstance().start(sink.port(),
                     "--logging.level.io.hirepipe=WARN")) {
            String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            publish(kafka, tenant, WARM_UP);
            sink.awaitMessages(WARM_UP, Duration.ofMinutes(5));

            Map<String, Long> listenersBefore = listenerCpu();
            long processBefore = processCpuNanos();
            long start = System.nanoTime();
            publish(kafka, tenant, EMAILS);
            sink.awaitMessages(WARM_UP + EMAILS, Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - start) / 1e9;
            double process = (processCpuNanos() - processBefore) / 1e6 / EMAILS;
            Map<String, Long> listenersAfter = listenerCpu();
            long listenerNanos = listenersAfter.entrySet().stream()
                    .mapToLong(e -> e.getValue() - listenersBefore.getOrDefault(e.getKey(), 0L)).sum();

            String report = String.format(Locale.ROOT, """
                    Email throughput benchmark: %d recruiter reports (after %d to warm up)
                    %.0f emails/s from the first publish to the last arrival at the sink
                    notification's Kafka listener threads: %.2f ms CPU per email
                    whole JVM (notification, embedded Kafka and MongoDB, the sink): %.2f ms CPU per email
                    load average at the end: %.1f on %d cores
                    """, EMAILS, WARM_UP, EMAILS / seconds, listenerNanos / 1e6 / EMAILS, process,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println(report);
            Files.writeString(Path.of("target", "email-throughput-benchmark.txt"), report);

            assertThat(sink.messages()).as("one email per event").hasSize(WARM_UP + EMAILS);
            try (Stream<Path> files = Files.list(mailDir)) {
                assertThat(files.count()).as("an .eml file per email").isEqualTo(WARM_UP + EMAILS);
            }
        }
    }

    private static void publish(EventTopics kafka, String tenant, int count) {
        for (int i = 0; i < count; i++) {
            kafka.publish(envelope(TestEvents.scored("Ada Lovelace", TestEvents.mailbox("rita"), SubmitReason.CANDIDATE),
                    tenant));
        }
    }

    /** CPU time of each live Kafka listener thread (Spring Kafka names them "...-C-n"). */
    private static Map<String, Long> listenerCpu() {
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("-C-")) {
                cpu.put(info.getThreadId() + " " + info.getThreadName(), THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
