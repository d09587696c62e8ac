package io.hirepipe.embedded;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP sink's CPU per email, not part of {@code verify} (the class name does not match Surefire's
 * patterns). Run it with:
 *
 * <pre>
 * ./mvnw -B -ntp -o -pl infra/embedded-infra test -Dtest=SmtpSinkBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * One client thread sends report-sized multipart/alternative emails (about 6 KB) to a sink writing .eml files,
 * first each on a new connection (as JavaMailSender does), then all on one connection. The sink's CPU is the
 * process's CPU time minus the client thread's, over the timed part (after a warm-up of the same kind), so it also
 * holds the collector's and compiler's share the sink causes: read it as an upper bound.
 */
class SmtpSinkBenchmark {

    private static final int EMAILS = Integer.getInteger("benchmark.emails", 2000);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void cpuPerEmail() throws Exception {
        Path mailDir = Files.createTempDirectory("sink-bench");
        try (SmtpSink sink = SmtpSink.start(0, mailDir)) {
            Session session = MailSending.session(sink.port());
            measure("new connection per email (warm-up)", sink, session, false);
            measure("one connection (warm-up)", sink, session, true);
            String perEmail = measure("new connection per email", sink, session, false);
            String reused = measure("one connection", sink, session, true);
            System.out.println(perEmail + "\n" + reused);
            try (Stream<Path> files = Files.list(mailDir)) {
                assertThat(files.count()).isEqualTo(4L * EMAILS);
            }
        }
    }

    private static String measure(String label, SmtpSink sink, Session session, boolean reuse) throws Exception {
        sink.reset();
        MimeMessage[] messages = new MimeMessage[EMAILS];
        for (int i = 0; i < EMAILS; i++) {
            messages[i] = reportLike(session, i);
        }
        long processBefore = processCpuNanos();
        long clientBefore = THREADS.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        if (reuse) {
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (MimeMessage message : messages) {
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }
        } else {
            for (MimeMessage message : messages) {
                Transport.send(message);
            }
        }
        sink.awaitMessages(EMAILS, Duration.ofMinutes(2));
        double wallSeconds = (System.nanoTime() - wallBefore) / 1e9;
        double client = (THREADS.getCurrentThreadCpuTime() - clientBefore) / 1e6 / EMAILS;
        double sinkAndRest = (processCpuNanos() - processBefore) / 1e6 / EMAILS - client;
        return String.format(Locale.ROOT, "%s: %d emails, %.0f emails/s, client %.2f ms CPU per email, "
                        + "sink (process minus client) %.2f ms CPU per email, load average %.2f",
                label, EMAILS, EMAILS / wallSeconds, client, sinkAndRest,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Shaped like notification-service's score report: multipart/alternative, a few KB of HTML. */
    private static MimeMessage reportLike(Session session, int i) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("Hirepipe <no-reply@hirepipe.local>"));
        message.setRecipients(Message.RecipientType.TO, "recruiter-" + i + "@example.org");
        message.setSubject("Result: Ada Lovelace, Backend basics — 80.0%", "UTF-8");
        StringBuilder html = new StringBuilder("<html><body><h1>Backend basics</h1><table>");
        StringBuilder text = new StringBuilder("Backend basics\n");
        for (int q = 1; q <= 20; q++) {
            html.append("<tr><td>Question ").append(q).append(": what does a load balancer do?</td><td>4 / 5</td></tr>");
            text.append("Question ").append(q).append(": what does a load balancer do? 4 / 5\n");
        }
        html.append("</table></body></html>");
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text.toString(), "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html.toString(), "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        message.saveChanges();
        return message;
    }
}
