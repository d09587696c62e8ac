package io.hirepipe.defaults.kafka;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.defaults.correlation.CorrelationId;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A service with a listener, to see the shared Kafka defaults work against a real broker. */
@SpringBootApplication
public class MessagingTestApplication {

    /** Records what it handled; fails on purpose for revocations whose reason says "poison". */
    @Component
    static class RevocationListener {

        final List<Handled> handled = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = Topics.INVITATIONS, groupId = "messaging-test")
        void on(EventEnvelope<EventPayload> envelope) {
            if (envelope.payload() instanceof InvitationRevoked revoked) {
                if (revoked.reason().startsWith("poison")) {
                    throw new IllegalStateException("cannot handle " + revoked.invitationId());
                }
                handled.add(new Handled(revoked.invitationId(), CorrelationId.current().orElse(null)));
            }
        }
    }

    record Handled(String invitationId, String correlationIdInMdc) {
    }
}
