package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.InvitationStatus;
import io.hirepipe.defaults.correlation.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Closes sessions whose deadline (plus grace) passed without a submit, with reason TIMEOUT. Every
 * instance runs it; the conditional close makes sure each session is closed, and its event
 * emitted, once.
 */
@Component
class ExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final SessionStore store;
    private final SubmissionService submissions;
    private final SessionProperties properties;
    private final SessionClock clock;

    ExpirySweep(SessionStore store, SubmissionService submissions, SessionProperties properties, SessionClock clock) {
        this.store = store;
        this.submissions = submissions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hirepipe.sessions.sweep-interval:5s}",
            initialDelayString = "${hirepipe.sessions.sweep-interval:5s}")
    void sweep() {
        List<Invitation> overdue = store.overdue(clock.now().minus(properties.grace()), properties.sweepBatch());
        for (Invitation invitation : overdue) {
            try (CorrelationId.Scope ignored = CorrelationId.open(CorrelationId.newId())) {
                Invitation closed = submissions.closeAtDeadline(invitation);
                if (closed.status() == InvitationStatus.STARTED) {
                    log.info("Session {} of invitation {} runs on: its deadline moved to {}", closed.session().id(),
                            closed.id(), closed.session().deadline());
                    continue;
                }
                log.info("Session {} of invitation {} closed at its deadline ({})", closed.session().id(),
                        closed.id(), closed.session().submitReason());
            } catch (RuntimeException e) {
                log.warn("Could not close overdue session of invitation {}; next sweep retries: {}",
                        invitation.id(), e.toString());
            }
        }
    }
}
