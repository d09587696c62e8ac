package io.hirepipe.scoring;

import java.time.Duration;
import java.time.Clock;
import java.util.List;
import io.hirepipe.defaults.outbox.Outbox;
import io.hirepipe.scoring.result.ScoringResult;
import io.hirepipe.testkit.TestGatewayKeys;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.Infra;
import io.hirepipe.testkit.UsesInfrastructure;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.awaitility.Awaitility.await;

/**
 * One application context for every integration test of this service: real HTTP on a random port,
 * real Kafka and MongoDB from the test kit. Subclasses add nothing to the configuration, so they share
 * the context (and its Kafka consumer group) instead of starting a second one.
 *
 * <p>Retries are tuned so that a submission waiting for its question is retried for about six seconds
 * (0.3 + 0.6 + 1.2 + 2 + 2 s) before it is dead-lettered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hirepipe.kafka.retry.max-retries=5",
        "hirepipe.kafka.retry.initial-interval=300ms",
        "hirepipe.kafka.retry.multiplier=2.0",
        "hirepipe.kafka.retry.max-interval=2s",
        // retention runs when a test calls it, never by the wall clock (03:17 UTC) in the middle of one
        "hirepipe.privacy.retention.cron=-"})
@UsesInfrastructure({Infra.KAFKA, Infra.MONGO})
public abstract class ScoringServiceTest {

    @LocalServerPort
    private int port;
    /** Signs as the gateway would, with the test kit's stand-in for its key. */
    private final InternalTokenIssuer gateway = new InternalTokenIssuer(
            InternalTokenIssuer.parseKeys(TestGatewayKeys.signingKeysJson()), "hirepipe", Duration.ofSeconds(60),
            Clock.systemUTC());

    @Autowired
    private MongoTemplate store;

    /**
     * Waits until the result of {@code sessionId} exists and Kafka has acknowledged every event it held: events leave
     * a document's outbox only then. Reading the results topic to its end afterwards sees all of them, which
     * {@code relay.publishPending()} does not promise (it skips a document the background relay is still sending).
     */
    protected void awaitResultEventsSent(String sessionId) {
        await().atMost(Duration.ofSeconds(45)).until(() -> {
            Document result = store.findById(sessionId, Document.class, ScoringResult.COLLECTION);
            return result != null && result.getList(Outbox.FIELD, Document.class, List.of()).isEmpty();
        });
    }

    /** Real HTTP to this service as the gateway calls it: with the internal token of {@code caller}, none for null. */
    protected HttpApi api(Caller caller) {
        return HttpApi.at("http://127.0.0.1:" + port).withBearer(caller == null ? null : gateway.issue(caller, "scoring-service"));
    }
}
