package io.hirepipe.localstack;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.exception.MongoServerError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What the terminal of ./run-local.sh shows, with the stack's own logback.xml. */
class StackConsoleTest {

    /** The logger the embedded MongoDB reports every command it answered with an error on. */
    private static final String MONGO_COMMANDS = "de.bwaldvogel.mongo.wire.MongoWireProtocolHandler";

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final LoggerContext context = new LoggerContext();
    private PrintStream systemOut;

    @BeforeEach
    void configureLikeTheStack() throws Exception {
        systemOut = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
    }

    @AfterEach
    void restore() {
        context.stop();
        System.setOut(systemOut);
    }

    @Test
    void aDuplicateKeyTheServiceExpectsIsNoErrorOnTheConsole() {
        Logger mongo = context.getLogger(MONGO_COMMANDS);

        // An idempotent upsert that finds its document already final (Greenhouse's callback after an adjustment):
        // the service catches the E11000 and goes on, as it would with a real MongoDB, which logs nothing.
        mongo.error("failed to handle {}", "{\"findAndModify\" : \"partner_callbacks\", \"query\" : {\"_id\" : \"inv_1\"}}",
                new DuplicateKeyError("hirepipe-notifications.partner_callbacks", "_id_ dup key: { _id: \"inv_1\" }"));
        mongo.error("failed to handle {}", "{\"update\" : \"results\"}",
                new MongoServerError(2, "BadValue", "an update the server cannot apply"));

        String shown = console.toString(StandardCharsets.UTF_8);
        assertThat(shown).doesNotContain("partner_callbacks").doesNotContain("DuplicateKeyError");
        assertThat(shown).as("other failures still show").contains("failed to handle {\"update\" : \"results\"}")
                .contains("an update the server cannot apply");
    }
}
