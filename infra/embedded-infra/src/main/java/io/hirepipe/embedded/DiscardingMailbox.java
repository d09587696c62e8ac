package io.hirepipe.embedded;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;

/**
 * The recipient GreenMail delivers to once {@link SmtpSink} has kept the message: it stores nothing and needs no
 * account, since nobody can log in to the sink (it serves SMTP only).
 */
record DiscardingMailbox(String email) implements GreenMailUser {

    @Override
    public String getEmail() {
        return email;
    }

    @Override
    public String getLogin() {
        return email;
    }

    @Override
    public void deliver(MovingMessage message) {
        // kept by SmtpSink already
    }

    @Override
    public void deliver(MimeMessage message) {
        // kept by SmtpSink already
    }

    @Override
    public void create() {
        // no mailbox to create
    }

    @Override
    public void delete() {
        // no mailbox to delete
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public void setPassword(String password) {
        throw new UnsupportedOperationException("The SMTP sink has no accounts");
    }

    @Override
    public void authenticate(String password) {
        throw new UnsupportedOperationException("The SMTP sink has no accounts");
    }

    @Override
    public String getQualifiedMailboxName() {
        return email;
    }
}
