package io.hirepipe.perf;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A real Gatling JVM, as the harness starts it, against a loopback stub that answers every save. */
class GatlingWarmUpRunTest {

    private final AtomicInteger saves = new AtomicInteger();
    private HttpServer stub;

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    @Test
    @Timeout(120)
    void silentWarmUpSavesReachTheServiceAtTheirRateAndOnlyTheMeasuredOnesAreCounted(@TempDir Path work) throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        stub.createContext("/api/v1/candidate/assessment/answers/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            saves.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        stub.start();
        Path feeder = Files.writeString(work.resolve("saves.csv"), "token,questionId,optionId\nt1,q1,o1\nt2,q1,o1\n");

        Measurement counted = new GatlingRun(work).run("autosave", "AutosaveSimulation", Map.of(
                "perf.baseUrl", "http://127.0.0.1:" + stub.getAddress().getPort(), "perf.feeder", feeder.toString(),
                "perf.rate", "20", "perf.seconds", "2", "perf.warmUpSeconds", "3"));

        assertThat(counted.count()).isEqualTo(40);
        assertThat(counted.errors()).isZero();
        assertThat(saves.get()).isEqualTo(60 + 40);
    }
}
