package io.hirepipe.notification.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Sends messages over SMTP connections kept open between emails. JavaMailSender opens, greets (EHLO, and
 * STARTTLS and AUTH where configured) and closes a connection for every email, which cost more CPU than the email
 * itself, on both ends, and a round trip of tens of milliseconds.
 *
 * <p>Each send borrows a connection for itself. A connection that fails in any way is closed, never reused. A kept
 * connection the server has dropped meanwhile (idle timeout, restart) only shows when used: then every other kept
 * connection is likely gone too, so they are all closed and the email goes out on a new one. Whatever fails after
 * that reaches the caller as JavaMailSender's exceptions would, so the delivery log retries it as before.
 */
@Component
public class SmtpConnections implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);
    /** The server's "closing the connection" reply code. */
    private static final String SERVICE_NOT_AVAILABLE = "421";
    /** What Jakarta Mail reports as the reply when the connection ended before one came. */
    private static final String NO_REPLY = "[EOF]";

    private final GenericObjectPool<SmtpConnection> pool;
    private final int maxMessagesPerConnection;

    public SmtpConnections(JavaMailSenderImpl settings, SmtpConnectionProperties properties) {
        GenericObjectPoolConfig<SmtpConnection> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(properties.max());
        config.setMaxIdle(properties.max());
        config.setMaxWait(Duration.ofSeconds(30));
        // newest first: a burst widens the pool, and the connections it no longer needs sit idle until closed
        config.setLifo(true);
        config.setMinEvictableIdleDuration(properties.idleTimeout());
        config.setTimeBetweenEvictionRuns(properties.idleTimeout().dividedBy(2));
        config.setNumTestsPerEvictionRun(properties.max());
        config.setJmxEnabled(false);
        this.pool = new GenericObjectPool<>(new Factory(settings), config);
        this.maxMessagesPerConnection = properties.maxMessagesPerConnection();
    }

    /**
     * Sends a message whose headers are final ({@link MimeMessage#saveChanges()} done) to its recipients.
     *
     * @throws MailSendException           when no connection can be made or the server does not take the message
     * @throws MailAuthenticationException when the server refuses the configured credentials
     */
    public void send(MimeMessage message) {
        Address[] recipients;
        try {
            recipients = message.getAllRecipients();
        } catch (MessagingException e) {
            throw new MailSendException("Cannot read the recipients", e);
        }
        SmtpConnection connection = borrow();
        try {
            connection.send(message, recipients);
        } catch (MessagingException | IllegalStateException failure) {
            discard(connection);
            if (!connection.wasUsedBefore() || !isBrokenConnection(failure)) {
                throw sendFailed(message, failure);
            }
            log.info("A kept SMTP connection was closed by the server ({}); reconnecting", failure.toString());
            pool.clear();
            connection = borrow();
            try {
                connection.send(message, recipients);
            } catch (MessagingException | IllegalStateException again) {
                discard(connection);
                throw sendFailed(message, again);
            }
        }
        giveBack(connection);
    }

    /** Open connections right now (idle and in use), for tests and diagnostics. */
    int open() {
        return pool.getNumActive() + pool.getNumIdle();
    }

    @Override
    public void destroy() {
        pool.close();
    }

    private SmtpConnection borrow() {
        try {
            return pool.borrowObject();
        } catch (AuthenticationFailedException e) {
            throw new MailAuthenticationException(e);
        } catch (MessagingException e) {
            throw new MailSendException("Mail server connection failed", e);
        } catch (Exception e) {
            throw new MailSendException("No SMTP connection available: " + e.getMessage(), e);
        }
    }

    private void giveBack(SmtpConnection connection) {
        if (connection.sent() >= maxMessagesPerConnection) {
            discard(connection);
        } else {
            pool.returnObject(connection);
        }
    }

    private void discard(SmtpConnection connection) {
        try {
            pool.invalidateObject(connection);
        } catch (Exception e) {
            log.debug("Closing an SMTP connection failed: {}", e.toString());
        }
    }

    private static MailSendException sendFailed(MimeMessage message, Exception failure) {
        MessagingException cause = failure instanceof MessagingException messaging ? messaging
                : new MessagingException(failure.getMessage(), failure);
        return new MailSendException(Map.of(message, cause));
    }

    /**
     * The connection itself failed (no reply, a broken socket, or the server said it is closing it), as opposed to
     * the server refusing this message: only then is it worth trying the message again on a new connection.
     */
    static boolean isBrokenConnection(Exception failure) {
        if (failure instanceof IllegalStateException) {
            return true; // Jakarta Mail found the connection closed
        }
        for (Throwable cause = failure; cause != null; cause = causeOf(cause)) {
            if (cause instanceof IOException) {
                return true;
            }
            // Jakarta Mail's send failures carry the server's reply as their message (the code is Angus-specific API)
            String reply = cause.getMessage();
            if (cause instanceof MessagingException && reply != null
                    && (reply.strip().startsWith(SERVICE_NOT_AVAILABLE) || reply.contains(NO_REPLY))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable causeOf(Throwable throwable) {
        Throwable cause = throwable instanceof MessagingException messaging && messaging.getNextException() != null
                ? messaging.getNextException() : throwable.getCause();
        return cause == throwable ? null : cause;
    }

    /** One connected SMTP transport and how many messages it has carried. */
    static final class SmtpConnection {

        private final Transport transport;
        private int sent;

        SmtpConnection(Transport transport) {
            this.transport = transport;
        }

        void send(MimeMessage message, Address[] recipients) throws MessagingException {
            transport.sendMessage(message, recipients);
            sent++;
        }

        int sent() {
            return sent;
        }

        boolean wasUsedBefore() {
            return sent > 0;
        }
    }

    /** Connects as JavaMailSender would, with the settings it holds (spring.mail.*), read at each connect. */
    private static final class Factory extends BasePooledObjectFactory<SmtpConnection> {

        private final JavaMailSenderImpl settings;

        Factory(JavaMailSenderImpl settings) {
            this.settings = settings;
        }

        @Override
        public SmtpConnection create() throws MessagingException {
            Session session = settings.getSession();
            // the protocol as JavaMailSender picks it: spring.mail.protocol, else the session's, else smtp
            String protocol = settings.getProtocol() != null ? settings.getProtocol()
                    : session.getProperty("mail.transport.protocol") != null
                    ? session.getProperty("mail.transport.protocol") : JavaMailSenderImpl.DEFAULT_PROTOCOL;
            Transport transport = session.getTransport(protocol);
            // A blank login (an empty SPRING_MAIL_USERNAME, say from an empty secret) means none: Jakarta Mail would
            // send AUTH with it, and a relay that offers AUTH refuses it, so no email would ever go out.
            boolean login = StringUtils.hasText(settings.getUsername());
            transport.connect(settings.getHost(), settings.getPort(), login ? settings.getUsername() : null,
                    login ? settings.getPassword() : null);
            return new SmtpConnection(transport);
        }

        @Override
        public PooledObject<SmtpConnection> wrap(SmtpConnection connection) {
            return new DefaultPooledObject<>(connection);
        }

        @Override
        public void destroyObject(PooledObject<SmtpConnection> pooled) {
            try {
                pooled.getObject().transport.close();
            } catch (MessagingException | RuntimeException e) {
                // closing a connection the server already dropped: nothing to do
            }
        }
    }
}
