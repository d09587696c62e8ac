package io.hirepipe.defaults.privacy;

import io.hirepipe.contracts.events.AssessmentFinalized;
import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentStarted;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationExpired;
import io.hirepipe.contracts.events.InvitationResent;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.contracts.events.PartnerResultReady;
import io.hirepipe.contracts.events.PartnerTestSent;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.ScoreAdjusted;

/**
 * Which candidate an event is about, as far as it says: its invitation, its session and the candidate's
 * email (any may be null). Events about no candidate (questions, settings, audit) have {@link #NONE}.
 */
public record CandidateSubject(String invitationId, String sessionId, String email) {

    public static final CandidateSubject NONE = new CandidateSubject(null, null, null);

    public static CandidateSubject of(EventPayload payload) {
        if (payload instanceof InvitationCreated e) {
            return new CandidateSubject(e.invitationId(), null, emailOf(e.candidate()));
        } else if (payload instanceof InvitationResent e) {
            return new CandidateSubject(e.invitationId(), null, emailOf(e.candidate()));
        } else if (payload instanceof AssessmentStarted e) {
            return new CandidateSubject(e.invitationId(), e.sessionId(), null);
        } else if (payload instanceof AssessmentSubmitted e) {
            return new CandidateSubject(e.invitationId(), e.sessionId(), emailOf(e.candidate()));
        } else if (payload instanceof AssessmentScored e) {
            return new CandidateSubject(e.invitationId(), e.sessionId(), emailOf(e.candidate()));
        } else if (payload instanceof ScoreAdjusted e) {
            return new CandidateSubject(e.invitationId(), e.sessionId(), emailOf(e.candidate()));
        } else if (payload instanceof AssessmentFinalized e) {
            return new CandidateSubject(e.invitationId(), e.sessionId(), emailOf(e.candidate()));
        } else if (payload instanceof InvitationRevoked e) {
            return new CandidateSubject(e.invitationId(), null, null);
        } else if (payload instanceof InvitationExpired e) {
            return new CandidateSubject(e.invitationId(), null, null);
        } else if (payload instanceof PartnerTestSent e) {
            return new CandidateSubject(e.invitationId(), null, null);
        } else if (payload instanceof PartnerResultReady e) {
            return new CandidateSubject(e.invitationId(), e.sessionId(), null);
        }
        return NONE;
    }

    public boolean isNone() {
        return invitationId == null && sessionId == null && email == null;
    }

    private static String emailOf(Person candidate) {
        return candidate == null || candidate.email() == null || candidate.email().isBlank() ? null : candidate.email();
    }
}
