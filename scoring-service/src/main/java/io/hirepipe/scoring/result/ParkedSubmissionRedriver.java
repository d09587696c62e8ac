package io.hirepipe.scoring.result;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.defaults.correlation.CorrelationId;
import io.hirepipe.scoring.answerkey.AnswerKeyStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Scores parked submissions once the question versions they wait for are known: at once when a
 * version's QuestionPublished arrives, and by a periodic sweep (its first run shortly after start-up)
 * as the safety net for anything a crash or a failure left behind.
 *
 * <p>A failure here never fails the question event that triggered it: the submission stays parked
 * and the next sweep tries again.
 */
@Component
public class ParkedSubmissionRedriver {

    private static final Logger log = LoggerFactory.getLogger(ParkedSubmissionRedriver.class);
    private static final int SWEEP_BATCH = 500;

    private final ParkedSubmissions parked;
    private final SubmissionScoring scoring;

    public ParkedSubmissionRedriver(ParkedSubmissions parked, SubmissionScoring scoring) {
        this.parked = parked;
        this.scoring = scoring;
    }

    @EventListener
    public void on(AnswerKeyStored stored) {
        redrive(parked.waitingFor(stored.tenantId(), stored.ref()));
    }

    @Scheduled(initialDelayString = "${hirepipe.scoring.parking.first-sweep-after:PT10S}",
            fixedDelayString = "${hirepipe.scoring.parking.sweep-interval:PT5M}")
    public void sweep() {
        redrive(parked.all(SWEEP_BATCH));
    }

    /** @return how many of them were scored (or found scored already) and left the parking */
    int redrive(List<ParkedSubmission> submissions) {
        int done = 0;
        for (ParkedSubmission submission : submissions) {
            try {
                if (redrive(submission)) {
                    done++;
                }
            } catch (RuntimeException e) {
                log.warn("Parked submission of session {} could not be re-driven; it stays parked: {}",
                        submission.sessionId(), e.toString());
            }
        }
        return done;
    }

    private boolean redrive(ParkedSubmission submission) {
        EventEnvelope<EventPayload> envelope = EventJson.fromJson(submission.envelope());
        if (!(envelope.payload() instanceof AssessmentSubmitted payload)) {
            log.error("Parked record of session {} is not a submission; removing it", submission.sessionId());
            parked.remove(submission.sessionId());
            return false;
        }
        try (CorrelationId.Scope ignored = CorrelationId.open(CorrelationId.sanitize(envelope.correlationId()))) {
            SubmissionScoring.Outcome outcome = scoring.score(new EventEnvelope<>(envelope.eventId(), envelope.type(),
                    envelope.schemaVersion(), envelope.occurredAt(), envelope.tenantId(), envelope.correlationId(),
                    payload));
            if (outcome != SubmissionScoring.Outcome.PARKED) {
                log.info("Parked submission of session {} re-driven: {}", submission.sessionId(), outcome);
                return true;
            }
            return false;
        }
    }
}
