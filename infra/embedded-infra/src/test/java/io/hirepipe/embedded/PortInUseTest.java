package io.hirepipe.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PortInUseTest {

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("Kafka", (IntFunction<AutoCloseable>) EmbeddedKafka::start),
                Arguments.of("MongoDB", (IntFunction<AutoCloseable>) port -> EmbeddedMongo.start(port, null)),
                Arguments.of("Redis", (IntFunction<AutoCloseable>) EmbeddedRedis::start),
                Arguments.of("SMTP", (IntFunction<AutoCloseable>) port -> SmtpSink.start(port, null)),
                Arguments.of("Mail viewer", (IntFunction<AutoCloseable>) port -> MailViewer.start(port, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void startingOnATakenPortNamesThePortAndTheComponent(String component, IntFunction<AutoCloseable> start)
            throws Exception {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = holder.getLocalPort();

            assertThatThrownBy(() -> start.apply(port).close())
                    .isInstanceOfSatisfying(PortInUseException.class, e -> {
                        assertThat(e.port()).isEqualTo(port);
                        assertThat(e.component()).isEqualTo(component);
                    })
                    .hasMessageStartingWith("Port " + port + " (" + component + ") is already in use:"
                            + " stop whatever holds it or choose another port");
        }
    }

    @Test
    void aPortHeldOnAllInterfacesCountsAsTaken() throws Exception {
        try (ServerSocket holder = new ServerSocket(0)) {
            assertThatThrownBy(() -> PortCheck.requireFree("Kafka", holder.getLocalPort()))
                    .isInstanceOf(PortInUseException.class);
        }
    }

    @Test
    void portsForAWholeStackAreAllDifferentAndFree() {
        int[] ports = PortCheck.freePorts(40);

        assertThat(ports).doesNotHaveDuplicates();
        for (int port : ports) {
            PortCheck.requireFree("Kafka", port);
        }
    }

    @Test
    void freePortsAreNeverOnesTheSystemCouldGiveAnOutgoingConnection() {
        PortRange range = PortRange.belowEphemeral();
        assumeTrue(range != null, "the system's ephemeral port range is unknown here");

        assertThat(IntStream.of(PortCheck.freePorts(40)).boxed()).allSatisfy(port ->
                assertThat(port).isGreaterThanOrEqualTo(PortRange.LOWEST).isLessThan(range.toExclusive()));
    }

    @Test
    void withoutRoomBelowTheEphemeralRangeTheSystemChoosesThePorts() {
        assertThat(PortRange.belowEphemeral(-1)).isNull();
        assertThat(PortRange.belowEphemeral(PortRange.LOWEST + 500)).isNull();
        assertThat(PortRange.belowEphemeral(32_768)).isEqualTo(new PortRange(PortRange.LOWEST, 32_768));
    }

    @Test
    void aFreePortPasses() {
        int port = PortCheck.freePort();

        PortCheck.requireFree("Kafka", port);
        PortCheck.requireFree("Kafka", 0);

        assertThat(port).isBetween(1, 65_535);
    }

    @Test
    void rejectsNonsensePorts() {
        assertThatThrownBy(() -> PortCheck.requireFree("Redis", 70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Port 70000 (Redis) is not a valid TCP port");
    }
}
