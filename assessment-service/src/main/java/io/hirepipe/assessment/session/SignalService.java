package io.hirepipe.assessment.session;

import io.hirepipe.assessment.invitation.Invitation;
import io.hirepipe.assessment.invitation.Signal;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import org.springframework.stereotype.Service;

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
        Invitation invitation = sessions.started(caller);
        if (request.questionId() != null && invitation.session().question(request.questionId()).isEmpty()) {
            throw ProblemException.notFound("Question", request.questionId());
        }
        Signal signal = new Signal(request.type(), request.at(), clock.now(), request.questionId());
        if (!store.recordSignal(caller.tenantId(), invitation.id(), signal, properties.maxSignals())) {
            throw ProblemException.conflict("session-submitted", "The assessment is no longer active.");
        }
    }
}
