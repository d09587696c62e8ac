package io.hirepipe.stacklauncher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackProcessTest {

    @TempDir
    Path dir;

    @Test
    void givenPortsAreKeptTheRestAreFreeAndTheFaultControlRunsOnlyWhenAsked() {
        LocalStackProcess.Options withoutControl = options(Map.of("gateway", 18080));
        Map<String, Integer> ports = withoutControl.resolvedPorts();

        assertThat(ports).containsEntry("gateway", 18080).doesNotContainKey("control");
        assertThat(ports.keySet()).containsAll(LocalStackProcess.PORTS.subList(0, LocalStackProcess.PORTS.size() - 1));
        assertThat(options(Map.of("control", 18099)).resolvedPorts()).containsEntry("control", 18099);
    }

    @Test
    void theCommandRunsTheStackJarWithEveryPortAndTheHarnessOptions() {
        List<String> command = options(Map.of()).command(Map.of("gateway", 18080, "control", 18099));

        assertThat(command).contains("-jar", dir.resolve("infra/local-stack/target/local-stack.jar").toString(),
                "--gateway-port=18080", "--control-port=18099", "--instances=2", "--seed-demo=false",
                "--service-jvm-options=-Xmx256m", "--gateway-profiles=perf", "-Xmx512m", "-XX:+UseSerialGC");
        assertThat(command.indexOf("-XX:+UseSerialGC")).as("JVM options before the jar").isLessThan(command.indexOf("-jar"));
    }

    @Test
    void aHarnessAttachesToADescribedStackThatRuns() {
        Path description = dir.resolve("stack.properties");
        LocalStackProcess.attachable(ProcessHandle.current(), dir.resolve("data"), dir.resolve("stack.log"),
                Map.of("gateway", 18080, "control", 18099), 1, Duration.ofSeconds(42), "-Xmx256m -XX:TieredStopAtLevel=1")
                .describeTo(description);

        LocalStackProcess attached = LocalStackProcess.attach(description);

        assertThat(attached.owned()).isFalse();
        assertThat(attached.url("gateway")).isEqualTo("http://127.0.0.1:18080");
        assertThat(attached.port("control")).isEqualTo(18099);
        assertThat(attached.coldStart()).isEqualTo(Duration.ofSeconds(42));
        assertThat(attached.serviceJvmOptions()).isEqualTo("-Xmx256m -XX:TieredStopAtLevel=1");
        assertThat(attached.mailDir()).isEqualTo(dir.resolve("data/mail"));
        assertThatThrownBy(() -> attached.port("prometheus")).hasMessageContaining("no prometheus port");
        attached.close();   // not ours: this JVM keeps running
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void programsAreNamedByTheirJarWithoutTheVersionOrByTheirFile() {
        assertThat(LocalStackProcess.programName("/usr/lib/jvm/bin/java",
                List.of("-Xmx512m", "-jar", "/repo/gateway/target/cds/0a1b/app/gateway.jar", "--server.port=1")))
                .isEqualTo("gateway");
        assertThat(LocalStackProcess.programName("/usr/lib/jvm/bin/java",
                List.of("-jar", "/repo/x/assessment-service-0.1.0-SNAPSHOT.jar"))).isEqualTo("assessment-service");
        assertThat(LocalStackProcess.programName("/usr/bin/prometheus", List.of("--config.file=p.yml")))
                .isEqualTo("prometheus");
    }

    @Test
    void cpuTimesSayWhatEachProgramHasSpent() {
        LocalStackProcess attached = LocalStackProcess.attachable(ProcessHandle.current(), dir.resolve("data"),
                dir.resolve("stack.log"), Map.of("gateway", 18080), 1, Duration.ofSeconds(1), "-Xmx256m");
        Duration before = attached.cpuTimes().values().stream().reduce(Duration.ZERO, Duration::plus);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long spinStart = threads.getCurrentThreadCpuTime();
        double sink = 0;
        while (threads.getCurrentThreadCpuTime() - spinStart < 200_000_000L) {
            sink += Math.sqrt(sink + 1);
        }

        Duration after = attached.cpuTimes().values().stream().reduce(Duration.ZERO, Duration::plus);

        assertThat(sink).isPositive();
        assertThat(after.minus(before)).as("this thread alone spent 200 ms of CPU").isGreaterThanOrEqualTo(Duration.ofMillis(150));   // /proc counts in ticks of 10 ms
    }

    @Test
    void aStackThatIsNotBuiltIsNamedNotStarted() {
        assertThatThrownBy(() -> LocalStackProcess.start(options(Map.of())))
                .hasMessageContaining("local-stack.jar is missing");
    }

    private LocalStackProcess.Options options(Map<String, Integer> ports) {
        return new LocalStackProcess.Options(dir, dir.resolve("data"), dir.resolve("stack.log"), ports, 2, "-Xmx256m",
                "-Xmx512m -XX:+UseSerialGC", List.of("--gateway-profiles=perf"), Map.of(), Duration.ofSeconds(60));
    }
}
