package io.hirepipe.defaults.privacy;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.events.CandidateErasureRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For consumers that store or send a candidate's data: events about an erased candidate are dropped before,
 * and a candidate erased while the event was being handled is erased again after.
 *
 * <p>Why both: the erasure records its tombstone before it erases. A consumer that checks before storing and
 * finds no tombstone may still store after the erasure ran; checking again after storing then finds the
 * tombstone (it was written before the erasure ran) and erases what was just stored, before the event's
 * offset is committed.
 */
public class LateCandidateEvents {

    private static final Logger log = LoggerFactory.getLogger(LateCandidateEvents.class);

    private final ErasedCandidates erased;
    private final CandidateDataEraser eraser;
    private final Clock clock;

    public LateCandidateEvents(ErasedCandidates erased, CandidateDataEraser eraser, Clock clock) {
        this.erased = erased;
        this.eraser = eraser;
        this.clock = clock;
    }

    /** True when the event is about an erased candidate: the caller stores and sends nothing of it. */
    public boolean drop(EventEnvelope<?> event) {
        Optional<String> erasure = erased.erasureOf(event);
        erasure.ifPresent(id -> log.info("Dropping {} {}: its candidate was erased ({})", event.type(),
                event.eventId(), id));
        return erasure.isPresent();
    }

    /** Call after storing what the event carried: erases it again if the candidate was erased meanwhile. */
    public void afterStoring(EventEnvelope<?> event) {
        erased.erasureOf(event).ifPresent(erasureId -> {
            CandidateSubject subject = CandidateSubject.of(event.payload());
            Map<String, Long> counts = eraser.erase(event.tenantId(), new CandidateErasureRequested(erasureId,
                    subject.invitationId() == null ? List.of() : List.of(subject.invitationId()),
                    subject.sessionId() == null ? List.of() : List.of(subject.sessionId()),
                    subject.email() == null ? null : CandidateErasureRequested.emailSha256Of(subject.email()),
                    clock.instant()));
            log.info("{} {} was stored while its candidate was being erased ({}); erased again: {}", event.type(),
                    event.eventId(), erasureId, counts);
        });
    }
}
