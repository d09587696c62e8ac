package io.hirepipe.notification.messaging;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.defaults.kafka.NonRetryableEventException;

final class Events {

    private Events() {
    }

    /** Every delivery belongs to a tenant; an event without one is broken and retrying cannot mend it. */
    static void requireTenant(EventEnvelope<?> envelope) {
        if (envelope.tenantId() == null || envelope.tenantId().isBlank()) {
            throw new NonRetryableEventException("Event " + envelope.eventId() + " has no tenantId");
        }
    }
}
