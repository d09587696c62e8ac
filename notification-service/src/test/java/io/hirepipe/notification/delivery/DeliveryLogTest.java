package io.hirepipe.notification.delivery;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A delivery that another consumer recorded first and that was deleted before this one could read it (retention
 * or erasure ran in between) fails the event for a retry. The Kafka error handler logs that failure with every
 * cause, so it must not carry MongoDB's duplicate-key message, which quotes the key: the recipient's address.
 */
class DeliveryLogTest {

    @Test
    void aDeliveryThatVanishedFailsWithoutTheRecipientInItsMessageOrCauses() {
        MongoTemplate mongo = mock(MongoTemplate.class);
        when(mongo.insert(any(EmailDelivery.class))).thenThrow(new org.springframework.dao.DuplicateKeyException(
                "E11000 duplicate key error collection: hirepipe-notifications.email_deliveries index: delivery_unique"
                        + " dup key: { eventId: \"evt-1\", recipient: \"ada@example.org\", kind: \"CANDIDATE_INVITATION\" }"));
        when(mongo.findOne(any(), eq(EmailDelivery.class))).thenReturn(null);
        DeliveryLog log = new DeliveryLog(mongo, Clock.systemUTC());

        assertThatThrownBy(() -> log.open(new DeliveryLog.NewDelivery("tenant-1", "evt-1", "InvitationCreated",
                DeliveryKind.CANDIDATE_INVITATION, "ada@example.org", "Subject", "inv-1"), Instant.EPOCH))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("evt-1")
                .hasNoCause()
                .message().doesNotContain("ada@example.org");
    }
}
