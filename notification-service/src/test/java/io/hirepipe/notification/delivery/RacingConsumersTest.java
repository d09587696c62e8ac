package io.hirepipe.notification.delivery;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.embedded.SmtpSink;
import io.hirepipe.notification.NotificationServiceTest;
import io.hirepipe.notification.mail.EmailMessage;
import io.hirepipe.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.hirepipe.notification.TestEvents.id;
import static io.hirepipe.notification.TestEvents.mailbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a rebalance two consumers can be handed the same event at once. Eight of them here, released together
 * against real MongoDB and SMTP: the delivery log lets exactly one send, and the others neither send nor drop it.
 */
class RacingConsumersTest extends NotificationServiceTest {

    private static final int CONSUMERS = 8;

    @Autowired
    EmailDispatcher dispatcher;

    private final SmtpSink smtp = TestInfrastructure.smtp();

    @Test
    void oneEventHandedToEightConsumersAtOnceSendsOneEmail() throws Exception {
        String recipient = mailbox("raced");
        EventEnvelope<InvitationRevoked> event = EventEnvelope.of(new InvitationRevoked(id("inv"), "race"),
                id("tenant"), "corr-race");
        EmailMessage email = new EmailMessage(recipient, "Raced", "<p>once</p>", "once");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService consumers = Executors.newFixedThreadPool(CONSUMERS);
        List<Future<EmailDispatcher.Outcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < CONSUMERS; i++) {
                Callable<EmailDispatcher.Outcome> consume = () -> {
                    start.await();
                    return dispatcher.dispatch(event, DeliveryKind.CANDIDATE_INVITATION, "inv", email);
                };
                outcomes.add(consumers.submit(consume));
            }
            start.countDown();
            List<EmailDispatcher.Outcome> results = new ArrayList<>();
            for (Future<EmailDispatcher.Outcome> outcome : outcomes) {
                results.add(outcome.get());
            }

            assertThat(results).containsOnlyOnce(EmailDispatcher.Outcome.SENT);
        } finally {
            consumers.shutdownNow();
        }
        smtp.awaitMessage(m -> m.isAddressedTo(recipient), Duration.ofSeconds(30));
        // Any consumer that handed its copy to the retrier must not make it a second email either.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                smtp.messages().stream().filter(m -> m.isAddressedTo(recipient)).count() == 1);
    }
}
