package io.hirepipe.localstack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One started local stack for every end-to-end and browser test of a test run: starting five
 * services and the infrastructure takes most of a minute on two cores, so the classes that need it
 * share it. It lives in the root context's store and is stopped when the run ends.
 *
 * <p>Test classes ask for it as a parameter ({@code @BeforeAll void setUp(SharedLocalStack.Stack stack)}).
 * Sessions close fast here (short grace, sweep every second) so deadline tests wait seconds, not half
 * a minute.
 */
public final class SharedLocalStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedLocalStack.class);
    static final Duration GRACE = Duration.ofSeconds(3);
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

    /**
     * The shared stack, started by the first {@link #get()} (so a class that skips itself first starts
     * nothing); a restart (on the same data) keeps the handle, so every holder sees the new one.
     */
    public static final class Stack implements AutoCloseable {

        private LocalStack current;
        /** Every service exports its spans here, so a test can follow one trace across the JVMs. */
        private final OtlpReceiver spans = OtlpReceiver.start();

        public synchronized LocalStack get() {
            if (current == null) {
                current = start(spans);
            }
            return current;
        }

        OtlpReceiver spans() {
            return spans;
        }

        /** Stops the stack and starts it again with the same ports and data directory. */
        public synchronized void restart() {
            StackConfig config = get().config();
            current.close();
            current = LocalStack.start(config, message -> System.out.println("[local-stack, restarted] " + message));
        }

        @Override
        public synchronized void close() {
            if (current != null) {
                current.close();
            }
            spans.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Stack.class, type -> new Stack(), Stack.class);
    }

    private static LocalStack start(OtlpReceiver spans) {
        Path repo = Path.of(System.getProperty("hirepipe.repo-dir", "../.."));
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("hirepipe-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StackConfig config = StackConfig.from(new String[0], Map.of(), repo)
                .withPorts(TestPorts.random())
                .withDataDir(dataDir)
                .withHealthTimeout(Duration.ofMinutes(5))
                .withSessions(new StackConfig.Sessions(GRACE, SWEEP_INTERVAL))
                .withOtlpEndpoint(spans.endpoint().toString());
        return LocalStack.start(config, message -> System.out.println("[local-stack] " + message));
    }
}
