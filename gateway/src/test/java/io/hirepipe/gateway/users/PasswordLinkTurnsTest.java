package io.hirepipe.gateway.users;

import com.mongodb.reactivestreams.client.MongoClients;
import io.hirepipe.gateway.support.DatabaseClock;
import io.hirepipe.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account's turn across two gateway instances. Its lease is timed on the database's clock only, so an instance
 * whose own clock runs ahead (it took a held turn when the lease was timed on the instance's clock) waits like any.
 */
class PasswordLinkTurnsTest {

    private static com.mongodb.reactivestreams.client.MongoClient client;
    private static ReactiveMongoTemplate mongo;

    private final UsersProperties properties = new UsersProperties(null, null, null, Duration.ofSeconds(1), null, null);

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        mongo = new ReactiveMongoTemplate(client, "gateway-turns-" + UUID.randomUUID());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void aSecondInstanceWaitsForTheTurnTheFirstHoldsAndTakesItOnceTheLinkIsHandedOver() {
        PasswordLinkTurns here = new PasswordLinkTurns(mongo, new DatabaseClock(mongo), properties);
        PasswordLinkTurns there = new PasswordLinkTurns(mongo, new DatabaseClock(mongo), properties);
        String userId = "user_" + UUID.randomUUID();

        PasswordLinkTurns.Turn held = here.take(userId).block(Duration.ofSeconds(5));
        Mono<PasswordLinkTurns.Turn> waiting = there.take(userId).cache();
        waiting.subscribe();

        // Ten of the waiting instance's polls.
        assertThat(waiting.timeout(Duration.ofMillis(500), Mono.empty()).block()).as("the turn is still held here")
                .isNull();
        here.pass(held).block(Duration.ofSeconds(5));
        PasswordLinkTurns.Turn next = waiting.block(Duration.ofSeconds(5));
        assertThat(next.sent()).as("taken after the first holder handed its link over").isEqualTo(1);
        assertThat(next.holder()).isNotEqualTo(held.holder());
    }

    @Test
    void theDatabaseClockIsTheServersTime() {
        Instant before = Instant.now();
        Instant server = new DatabaseClock(mongo).now().block(Duration.ofSeconds(5));
        // The embedded server runs in this JVM, on this machine's clock.
        assertThat(server).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }
}
