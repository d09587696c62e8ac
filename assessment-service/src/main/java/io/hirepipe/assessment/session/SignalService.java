package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.Signal;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/** Integrity signals from the candidate's browser, recorded while the session is active. */
@Service
class SignalService {

    private final CandidateSessions sessions;
    private final SessionStore store;
    private final SessionProperties properties;
    private final SessionClock clock;

    SignalService(CandidateSessions sessions, SessionStore store, SessionProperties properties, SessionClock clock) {
        this.sessions = sessions;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    void record(Caller caller, SignalRequest request) {
        record(caller, List.of(request));
    }

    /** A batch is checked whole before any of it is stored, so a bad entry never half-records it. */
    void record(Caller caller, List<SignalRequest> requests) {
        Invitation invitation = sessions.started(caller);
        for (SignalRequest request : requests) {
            if (request.questionId() != null && invitation.session().question(request.questionId()).isEmpty()) {
                throw ProblemException.notFound("Question", request.questionId());
            }
        }
        Instant receivedAt = clock.now();
        for (SignalRequest request : requests) {
            Signal signal = new Signal(request.type(), request.at(), receivedAt, request.questionId());
            if (!store.recordSignal(caller.tenantId(), invitation.id(), signal, properties.maxSignals())) {
                throw ProblemException.conflict("session-submitted", "The assessment is no longer active.");
            }
        }
    }
}
