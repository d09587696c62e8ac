package io.hirepipe.notification.messaging;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.Topics;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationResent;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import io.hirepipe.defaults.privacy.LateCandidateEvents;
import io.hirepipe.notification.delivery.DeliveryKind;
import io.hirepipe.notification.delivery.EmailDispatcher;
import io.hirepipe.notification.mail.EmailMessage;
import io.hirepipe.notification.mail.InvitationEmail;
import io.hirepipe.notification.mail.InvitationLinks;
import io.hirepipe.notification.mail.InvitationLinks.UnopenableLinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/** Emails each invited candidate their personal link. Other invitation events need no email. */
@Component
public class InvitationEventsListener {

    private static final Logger log = LoggerFactory.getLogger(InvitationEventsListener.class);

    private final InvitationEmail invitationEmail;
    private final InvitationLinks links;
    private final EmailDispatcher dispatcher;
    private final LateCandidateEvents erased;

    public InvitationEventsListener(InvitationEmail invitationEmail, InvitationLinks links,
                                    EmailDispatcher dispatcher, LateCandidateEvents erased) {
        this.invitationEmail = invitationEmail;
        this.links = links;
        this.dispatcher = dispatcher;
        this.erased = erased;
    }

    @KafkaListener(topics = Topics.INVITATIONS)
    public void on(EventEnvelope<EventPayload> envelope) {
        // Only invitations and resends send anything. The topic's other events (a start for every candidate)
        // need no tombstone lookups, which were most of this listener's work under a wave of starts.
        if (!(envelope.payload() instanceof InvitationCreated || envelope.payload() instanceof InvitationResent)) {
            log.debug("Skipping {} event {}", envelope.type(), envelope.eventId());
            return;
        }
        if (erased.drop(envelope)) {
            return;
        }
        invite(envelope);
        erased.afterStoring(envelope);
    }

    private void invite(EventEnvelope<EventPayload> envelope) {
        if (envelope.payload() instanceof InvitationCreated invitation) {
            Events.requireTenant(envelope);
            // The link is opened only here, held in memory for this email and never logged.
            EmailMessage email = compose(envelope, () -> invitationEmail.compose(invitation, links.linkOf(invitation)));
            dispatcher.dispatch(envelope, DeliveryKind.CANDIDATE_INVITATION, invitation.invitationId(), email);
        } else if (envelope.payload() instanceof InvitationResent resent) {
            Events.requireTenant(envelope);
            EmailMessage email = compose(envelope, () -> invitationEmail.compose(resent, links.linkOf(resent)));
            // one email per resend: the delivery log's key is the event
            dispatcher.dispatch(envelope, DeliveryKind.CANDIDATE_INVITATION_RESENT, resent.invitationId(), email);
        }
    }

    private static EmailMessage compose(EventEnvelope<?> envelope, Supplier<EmailMessage> composer) {
        try {
            return composer.get();
        } catch (UnopenableLinkException unopenable) {
            // A key mismatch or tampering: retrying cannot help, so dead-letter it at once and say why.
            throw new NonRetryableEventException("Invitation event " + envelope.eventId()
                    + ": " + unopenable.getMessage(), unopenable);
        } catch (IllegalArgumentException unusable) {
            throw new NonRetryableEventException("Invitation event " + envelope.eventId() + ": "
                    + unusable.getMessage(), unusable);
        }
    }
}
