package io.hirepipe.scoring.result;

import io.hirepipe.contracts.EventEnvelope;
import io.hirepipe.contracts.EventJson;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.scoring.ScoringServiceTest;
import io.hirepipe.scoring.answerkey.AnswerKeyRef;
import io.hirepipe.scoring.answerkey.AnswerKeyStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;

import static io.hirepipe.scoring.TestEvents.envelope;
import static io.hirepipe.scoring.TestEvents.id;
import static io.hirepipe.scoring.TestEvents.singleChoice;
import static io.hirepipe.scoring.TestEvents.submission;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep that runs after start-up and then periodically scores what the immediate re-drive left
 * parked (a crash between a question's arrival and the re-drive, a failure during it).
 */
class ParkingSafetyNetTest extends ScoringServiceTest {

    private static final String TENANT = "tenant-park-" + id("t");
    private static final Caller RECRUITER = Caller.recruiter(TENANT, "u", "rita@park.example");

    @Autowired
    MongoTemplate mongo;
    @Autowired
    AnswerKeyStore answerKeys;
    @Autowired
    ParkedSubmissions parked;
    @Autowired
    ParkedSubmissionRedriver redriver;

    @Test
    void theSweepScoresAParkedSubmissionWhoseQuestionIsKnownByNow() {
        String question = id("q");
        String sessionId = id("ses");
        EventEnvelope<AssessmentSubmitted> submitted = envelope(submission(sessionId, id("inv"), 50,
                SubmitReason.TIMEOUT, new SubmittedAnswer(question, 1, List.of("b"), null, "Index trade-off")), TENANT);
        parked.park(submitted, List.of(new AnswerKeyRef(question, 1)));
        // the key arrives without anyone re-driving (as after a crash)
        answerKeys.publish(TENANT, singleChoice(question, 1, "b"), id("evt"));

        redriver.sweep();

        assertThat(api(RECRUITER).get("/api/results/" + sessionId).expect(200).path("points").asInt()).isEqualTo(2);
        assertThat(mongo.findById(sessionId, ParkedSubmission.class)).isNull();
    }

    @Test
    void whatStillWaitsStaysParkedAndAParkedRecordSurvivesAsWritten() {
        String sessionId = id("ses");
        EventEnvelope<AssessmentSubmitted> submitted = envelope(submission(sessionId, id("inv"), 50,
                SubmitReason.TIMEOUT, new SubmittedAnswer(id("q-never"), 3, List.of("a"), null, "T")), TENANT);
        parked.park(submitted, List.of(new AnswerKeyRef(submitted.payload().answers().get(0).questionId(), 3)));
        parked.park(envelope(submission(sessionId, "inv-other", 50, SubmitReason.CANDIDATE), TENANT), List.of());

        redriver.sweep();

        ParkedSubmission stored = mongo.findById(sessionId, ParkedSubmission.class);
        assertThat(stored).isNotNull();
        assertThat(stored.eventId()).as("the first submission of a session stays the parked one")
                .isEqualTo(submitted.eventId());
        assertThat(EventJson.fromJson(stored.envelope())).isEqualTo(EventJson.fromJson(EventJson.toJson(submitted)));
        assertThat(stored.waitingFor()).containsExactly(submitted.payload().answers().get(0).questionId() + ":3");
        assertThat(stored.parkedAt()).isBefore(Instant.now().plusSeconds(1));
        assertThat(api(RECRUITER).get("/api/results/" + sessionId).status()).isEqualTo(404);
    }
}
