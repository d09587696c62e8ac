package io.hirepipe.localstack;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the embedded MongoDB's duplicate-key answers off the stack's console. That server logs every command it
 * answers with an error as an ERROR with a stack trace and the whole command, documents included; a duplicate key
 * is an answer the services ask for (an idempotent insert or upsert that finds its document already there, such as
 * Greenhouse's callback after a reviewer changes a final result) and handle, where a real MongoDB logs nothing.
 * Every other error the server answers still shows.
 */
public final class ExpectedDuplicateKeys extends Filter<ILoggingEvent> {

    private static final String SERVER_LOGGERS = "de.bwaldvogel.mongo.";
    private static final String DUPLICATE_KEY = "de.bwaldvogel.mongo.exception.DuplicateKeyError";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        IThrowableProxy failure = event.getThrowableProxy();
        return event.getLoggerName().startsWith(SERVER_LOGGERS) && failure != null
                && DUPLICATE_KEY.equals(failure.getClassName()) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
