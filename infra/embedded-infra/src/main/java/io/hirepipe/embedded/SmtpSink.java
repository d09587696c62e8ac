package io.hirepipe.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server (GreenMail) on 127.0.0.1 that accepts every message for every recipient without
 * authentication and keeps it, so tests can wait for mail and people can read demo mail.
 *
 * <p>With a mail directory, each message is also written there as an .eml file that any mail client opens.
 */
public final class SmtpSink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpSink.class);

    /** Replaced when the listener is started again after {@link #stopListening()}; messages stay in {@link #received}. */
    private volatile GreenMail greenMail;
    private final EmlDirectory emlDirectory;
    private final Clock clock;
    private final AtomicLong nextId = new AtomicLong(1);
    /** The port while the listener is stopped, 0 while it listens. */
    private volatile int stoppedPort;
    /** Guarded by itself; waiters in {@link #awaitMessage} are woken on every arrival. */
    private final List<ReceivedMail> received = new ArrayList<>();

    private SmtpSink(GreenMail greenMail, EmlDirectory emlDirectory, Clock clock) {
        this.greenMail = greenMail;
        this.emlDirectory = emlDirectory;
        this.clock = clock;
    }

    /**
     * @param smtpPort the SMTP port on 127.0.0.1, or 0 for any free port
     * @param mailDir  a directory to write every message to as an .eml file (created when absent),
     *                 or {@code null} to keep messages in memory only
     * @throws PortInUseException when the port is taken
     */
    public static SmtpSink start(int smtpPort, Path mailDir) {
        PortCheck.requireFree("SMTP", smtpPort);
        QuietInfraLogging.apply();
        nameMailStreamProvider();
        EmlDirectory emlDirectory = mailDir == null ? null : new EmlDirectory(mailDir);
        GreenMail greenMail = greenMail(smtpPort);
        try {
            greenMail.start();
        } catch (RuntimeException failure) {
            stopQuietly(greenMail);
            if (smtpPort != 0 && PortCheck.isBindFailure(failure)) {
                throw new PortInUseException("SMTP", smtpPort, failure);
            }
            throw new IllegalStateException("SMTP sink did not start: " + failure.getMessage(), failure);
        }
        SmtpSink sink = new SmtpSink(greenMail, emlDirectory, Clock.systemUTC());
        sink.captureDeliveries();
        log.info("SMTP sink listening on 127.0.0.1:{}{}", sink.port(),
                emlDirectory == null ? "" : ", writing .eml files to " + emlDirectory.path());
        return sink;
    }

    /**
     * Jakarta Mail 2.1 finds its StreamProvider with a new ServiceLoader, reading the jars' service files, on every
     * call, and parsing one message calls it dozens of times: half the sink's CPU per email (jakartaee/mail-api#699,
     * #861). A provider named in this system property is loaded as a class instead. GreenMail brings Angus Mail.
     */
    private static void nameMailStreamProvider() {
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private static GreenMail greenMail(int smtpPort) {
        return new GreenMail(new ServerSetup(smtpPort, PortCheck.LOOPBACK, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    /**
     * Closes the SMTP port (a fault, for the fault harness): senders get "connection refused" until
     * {@link #startListening()}. The messages received so far are kept.
     */
    public synchronized void stopListening() {
        int port = port();
        greenMail.stop();
        stoppedPort = port;
        log.info("SMTP sink stopped listening on 127.0.0.1:{}", port);
    }

    /** Opens the SMTP port closed by {@link #stopListening()} again; nothing if it is open. */
    public synchronized void startListening() {
        if (stoppedPort == 0) {
            return;
        }
        GreenMail restarted = greenMail(stoppedPort);
        restarted.start();
        greenMail = restarted;
        captureDeliveries();
        log.info("SMTP sink listening again on 127.0.0.1:{}", stoppedPort);
        stoppedPort = 0;
    }

    public boolean isListening() {
        return stoppedPort == 0;
    }

    public String host() {
        return PortCheck.LOOPBACK;
    }

    public int port() {
        int stopped = stoppedPort;
        return stopped != 0 ? stopped : greenMail.getSmtp().getPort();
    }

    /** Where .eml files are written, empty when messages are kept in memory only. */
    public Optional<Path> mailDir() {
        return Optional.ofNullable(emlDirectory).map(EmlDirectory::path);
    }

    /** All messages received since start or the last {@link #reset()}, oldest first. */
    public List<ReceivedMail> messages() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public Optional<ReceivedMail> message(String id) {
        synchronized (received) {
            return received.stream().filter(mail -> mail.id().equals(id)).findFirst();
        }
    }

    /**
     * Waits until at least {@code count} messages have been received and returns them all, oldest first.
     *
     * @throws IllegalStateException when fewer arrived within the timeout; the message lists what did arrive
     */
    public List<ReceivedMail> awaitMessages(int count, Duration timeout) {
        awaitUntil(mails -> mails.size() >= count, timeout,
                () -> "Expected at least " + count + " mail(s) within " + timeout);
        return messages();
    }

    /**
     * Waits for the first message matching {@code condition}, e.g. {@code mail -> mail.isAddressedTo("ada@example.org")}.
     * Tests sharing one sink should wait for "their" message this way rather than count messages.
     *
     * @throws IllegalStateException when none arrived within the timeout
     */
    public ReceivedMail awaitMessage(Predicate<ReceivedMail> condition, Duration timeout) {
        awaitUntil(mails -> mails.stream().anyMatch(condition), timeout,
                () -> "Expected a matching mail within " + timeout);
        synchronized (received) {
            return received.stream().filter(condition).findFirst().orElseThrow();
        }
    }

    /** Forgets all received messages (.eml files already written stay where they are). */
    public void reset() {
        synchronized (received) {
            received.clear();
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /**
     * GreenMail calls the delivery handler once per recipient with the same message; the first recipient's call
     * records it, so a message to three people is one {@link ReceivedMail} with three recipients. The call happens
     * before the SMTP client gets its reply, so once {@code send} returns the message is visible here.
     *
     * <p>The message is then handed to a mailbox that keeps nothing: the sink serves SMTP only (no IMAP or POP3 could
     * read GreenMail's mailboxes), and storing every message there too cost about a third of the sink's CPU per email
     * and memory that grew with every message of a load run.
     */
    private void captureDeliveries() {
        UserManager users = greenMail.getUserManager();
        users.setMessageDeliveryHandler((message, recipient) -> {
            // identity, not equals: the same address given twice must not record the message twice
            if (recipient == message.getToAddresses().get(0)) {
                keep(message);
            }
            return new DiscardingMailbox(recipient.getEmail());
        });
    }

    private void keep(MovingMessage message) {
        List<String> recipients = message.getToAddresses().stream().map(MailAddress::getEmail).toList();
        String envelopeSender = message.getReturnPath() == null ? "" : message.getReturnPath().getEmail();
        MimeMessageReader.Read read;
        try {
            read = MimeMessageReader.read(String.valueOf(nextId.getAndIncrement()), message.getMessage(),
                    envelopeSender, recipients, clock.instant());
        } catch (MessagingException | IOException | RuntimeException e) {
            // a message we cannot parse is still delivered to GreenMail's mailbox; do not fail the SMTP session
            log.warn("Could not read a received mail to {}: {}", recipients, e.toString());
            return;
        }
        writeEml(read);
        synchronized (received) {
            received.add(read.mail());
            received.notifyAll();
        }
    }

    private void writeEml(MimeMessageReader.Read read) {
        if (emlDirectory == null) {
            return;
        }
        try {
            emlDirectory.write(read.mail(), read.raw());
        } catch (IOException e) {
            log.warn("Could not write mail {} to {}: {}", read.mail().id(), emlDirectory.path(), e.toString());
        }
    }

    private void awaitUntil(Predicate<List<ReceivedMail>> done, Duration timeout,
                            Supplier<String> expectation) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (!done.test(received)) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    throw new IllegalStateException(expectation.get() + " but received " + received.size()
                            + describe(received));
                }
                try {
                    received.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for mail", e);
                }
            }
        }
    }

    private static String describe(List<ReceivedMail> mails) {
        if (mails.isEmpty()) {
            return "";
        }
        return mails.stream()
                .map(mail -> "'" + mail.subject() + "' to " + mail.to())
                .collect(Collectors.joining("; ", ": ", ""));
    }

    private static void stopQuietly(GreenMail greenMail) {
        try {
            greenMail.stop();
        } catch (RuntimeException ignored) {
            // the start failure is the interesting one
        }
    }
}
