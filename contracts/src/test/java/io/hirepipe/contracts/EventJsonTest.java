package io.hirepipe.contracts;

import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.InvitationCreated;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.contracts.events.PartnerResultReady;
import io.hirepipe.contracts.events.PartnerTestSent;
import io.hirepipe.contracts.events.ItemScore;
import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.QuestionPublished;
import io.hirepipe.contracts.events.ScoreAdjusted;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.contracts.events.UnrecognizedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeSurvivesARoundTrip(EventType type) {
        EventEnvelope<EventPayload> sent = EventEnvelope.of(SampleEvents.of(type), "tenant-a", "corr-1",
                SampleEvents.T0);

        EventEnvelope<EventPayload> received = EventJson.fromBytes(EventJson.toBytes(sent));

        assertThat(received).isEqualTo(sent);
        assertThat(received.type()).isEqualTo(type.wireName());
        assertThat(received.payload()).isInstanceOf(type.payloadType());
        assertThat(received.topic()).isEqualTo(type.topic());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theWireCarriesTheEnvelopeFieldsAndNoJavaClassNames(EventType type) {
        String json = EventJson.toJson(EventEnvelope.of(SampleEvents.of(type), "tenant-a", "corr-1"));

        JsonNode tree = PLAIN.readTree(json);
        List<String> fields = new ArrayList<>(tree.propertyNames());
        assertThat(fields).containsExactlyInAnyOrder(
                "eventId", "type", "schemaVersion", "occurredAt", "tenantId", "correlationId", "payload");
        assertThat(json).doesNotContain("io.hirepipe").doesNotContain("@class").doesNotContain("partitionKey");
        assertThat(tree.get("occurredAt").isString()).as("instants are ISO-8601 strings").isTrue();
    }

    @Test
    void aConsumerToleratesFieldsItDoesNotKnow() {
        EventEnvelope<EventPayload> sent = EventEnvelope.of(SampleEvents.of(EventType.QUESTION_PUBLISHED),
                "tenant-a", "corr-1", SampleEvents.T0);
        ObjectNode tree = (ObjectNode) PLAIN.readTree(EventJson.toJson(sent));
        tree.put("producedBy", "question-service@2.0");
        ((ObjectNode) tree.get("payload")).put("difficulty", "HARD");
        ((ObjectNode) tree.get("payload").get("rubric").get("keyPoints").get(0)).put("synonyms", "copy");

        EventEnvelope<EventPayload> received = EventJson.fromJson(PLAIN.writeValueAsString(tree));

        assertThat(received).isEqualTo(sent);
    }

    @Test
    void aConsumerReadsAnEnvelopeWrittenByHandWithoutOptionalFields() {
        String json = """
                {"eventId":"e-1","type":"QuestionPublished","tenantId":"t-1",
                 "payload":{"questionId":"q-9","version":1,"kind":"SINGLE_CHOICE","prompt":"Pick one",
                            "options":[{"id":"a","text":"A"}],"correctOptionIds":["a"],"maxPoints":1}}
                """;

        EventEnvelope<EventPayload> received = EventJson.fromJson(json);

        QuestionPublished q = (QuestionPublished) received.payload();
        assertThat(q.kind()).isEqualTo(QuestionKind.SINGLE_CHOICE);
        assertThat(q.correctOptionIds()).containsExactly("a");
        assertThat(q.tags()).isEmpty();
        assertThat(received.schemaVersion()).isEqualTo(EventType.SCHEMA_VERSION);
        assertThat(received.correlationId()).isNull();
    }

    @Test
    void aSubmissionFromAProducerWithoutTestVersionsReadsWithNullVersionAndPools() {
        ObjectNode submitted = (ObjectNode) PLAIN.readTree(EventJson.toJson(EventEnvelope.of(
                SampleEvents.of(EventType.ASSESSMENT_SUBMITTED), "tenant-a", "corr-1")));
        assertThat(submitted.at("/payload/testVersion").asInt()).isEqualTo(3);
        assertThat(submitted.at("/payload/drawnFromPools").asBoolean()).isTrue();
        ((ObjectNode) submitted.get("payload")).remove(List.of("testVersion", "drawnFromPools"));

        AssessmentSubmitted older = (AssessmentSubmitted) EventJson.fromJson(submitted.toString()).payload();

        assertThat(older.testVersion()).isNull();
        assertThat(older.drawnFromPools()).isNull();
        assertThat(older.answers()).hasSize(2);
    }

    @Test
    void itemsCarryTheQuestionTitleOnTheWire() {
        JsonNode submitted = PLAIN.readTree(EventJson.toJson(EventEnvelope.of(
                SampleEvents.of(EventType.ASSESSMENT_SUBMITTED), "tenant-a", "corr-1")));
        JsonNode scored = PLAIN.readTree(EventJson.toJson(EventEnvelope.of(
                SampleEvents.of(EventType.ASSESSMENT_SCORED), "tenant-a", "corr-1")));

        assertThat(submitted.at("/payload/answers/0/title").asString()).isEqualTo("Replication vs sharding");
        assertThat(scored.at("/payload/items/1/title").asString()).isEqualTo("Index structures");
    }

    @Test
    void itemsFromAnOlderProducerWithoutATitleAreReadWithANullTitle() {
        ObjectNode submitted = (ObjectNode) PLAIN.readTree(EventJson.toJson(EventEnvelope.of(
                SampleEvents.of(EventType.ASSESSMENT_SUBMITTED), "tenant-a", "corr-1")));
        submitted.get("payload").get("answers").forEach(answer -> ((ObjectNode) answer).remove("title"));
        ObjectNode scored = (ObjectNode) PLAIN.readTree(EventJson.toJson(EventEnvelope.of(
                SampleEvents.of(EventType.ASSESSMENT_SCORED), "tenant-a", "corr-1")));
        scored.get("payload").get("items").forEach(item -> ((ObjectNode) item).remove("title"));
        assertThat(submitted.toString()).doesNotContain("\"title\"");
        assertThat(scored.toString()).doesNotContain("\"title\"");

        AssessmentSubmitted answers = (AssessmentSubmitted) EventJson.fromJson(submitted.toString()).payload();
        AssessmentScored items = (AssessmentScored) EventJson.fromJson(scored.toString()).payload();

        assertThat(answers.answers()).extracting(SubmittedAnswer::questionId).containsExactly("q-1", "q-2");
        assertThat(answers.answers()).extracting(SubmittedAnswer::title).containsExactly(null, null);
        assertThat(answers.answers().get(0).text()).isEqualTo("Replicas hold copies of the data");
        assertThat(items.items()).extracting(ItemScore::questionId).containsExactly("q-1", "q-2");
        assertThat(items.items()).extracting(ItemScore::title).containsExactly(null, null);
        assertThat(items.items().get(0).matchedKeyPointIds()).containsExactly("kp-1");
    }

    @Test
    void aVersionOneSubmissionIsReadWithoutReferenceTimeTakenOrIntegrity() {
        ObjectNode v2 = (ObjectNode) PLAIN.readTree(EventJson.toJson(EventEnvelope.of(
                SampleEvents.of(EventType.ASSESSMENT_SUBMITTED), "tenant-a", "corr-1")));
        assertThat(v2.at("/payload/externalReference").asString()).isEqualTo("ats-4711");
        assertThat(v2.at("/payload/timeTakenSeconds").asLong()).isEqualTo(1800);
        assertThat(v2.at("/payload/integrity/paste").asInt()).isEqualTo(3);
        ObjectNode payload = (ObjectNode) v2.get("payload");
        payload.remove(List.of("externalReference", "timeTakenSeconds", "integrity"));
        v2.put("schemaVersion", 1);

        AssessmentSubmitted v1 = (AssessmentSubmitted) EventJson.fromJson(v2.toString()).payload();

        assertThat(v1.sessionId()).isEqualTo("ses-1");
        assertThat(v1.answers()).hasSize(2);
        assertThat(v1.externalReference()).isNull();
        assertThat(v1.timeTakenSeconds()).isNull();
        assertThat(v1.integrity()).isNull();
    }

    @Test
    void anItemsReviewReasonsTravelAndAVersionThreeScoreIsReadWithoutThem() {
        ObjectNode v4 = (ObjectNode) PLAIN.readTree(EventJson.toJson(EventEnvelope.of(
                SampleEvents.of(EventType.ASSESSMENT_SCORED), "tenant-a", "corr-1")));
        assertThat(v4.at("/payload/items/0/evidence/reviewReasons/0").asString())
                .isEqualTo("the score lies on the boundary between two grades");
        ((ObjectNode) v4.at("/payload/items/0/evidence")).remove("reviewReasons");
        v4.put("schemaVersion", 3);

        AssessmentScored v3 = (AssessmentScored) EventJson.fromJson(v4.toString()).payload();

        assertThat(v3.items().get(0).evidence().reviewReasons()).isEmpty();
        assertThat(v3.items().get(0).evidence().confidence()).isEqualTo(0.42);
    }

    @Test
    void pointsTravelAsPlainJsonNumbersWithAtMostTwoDecimals() {
        JsonNode scored = PLAIN.readTree(EventJson.toJson(EventEnvelope.of(
                SampleEvents.of(EventType.ASSESSMENT_SCORED), "tenant-a", "corr-1")));

        assertThat(scored.at("/payload/points").isNumber()).isTrue();
        assertThat(scored.at("/payload/points").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(scored.at("/payload/items/1/points").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(scored.at("/payload/items/0/status").asString()).isEqualTo("NEEDS_REVIEW");
        assertThat(scored.at("/payload/items/0/evidence/missed/0/description").asString())
                .isEqualTo("Sharding splits data");
        assertThat(scored.at("/payload/provisional").asBoolean()).isTrue();
        assertThat(scored.at("/payload/reviewCount").asInt()).isEqualTo(1);

        ScoreAdjusted big = new ScoreAdjusted("s", "q", new BigDecimal("100.00"), "r", "a",
                new BigDecimal("100.00"), 100, 100.0, true, SampleEvents.T0, BigDecimal.ZERO, null, false, 0, null,
                null, null, null);
        String json = EventJson.toJson(EventEnvelope.of(big, "t", "c"));
        assertThat(json).contains("\"itemPoints\":100.00").doesNotContain("E+");
    }

    @Test
    void typesWhoseFieldsChangedSaySoInTheirSchemaVersion() {
        assertThat(EventEnvelope.of(SampleEvents.of(EventType.ASSESSMENT_SCORED), "t", "c").schemaVersion()).isEqualTo(4);
        assertThat(EventEnvelope.of(SampleEvents.of(EventType.SCORE_ADJUSTED), "t", "c").schemaVersion()).isEqualTo(3);
        assertThat(EventEnvelope.of(SampleEvents.of(EventType.QUESTION_PUBLISHED), "t", "c").schemaVersion())
                .isEqualTo(2);
        assertThat(EventEnvelope.of(SampleEvents.of(EventType.ASSESSMENT_SUBMITTED), "t", "c").schemaVersion())
                .isEqualTo(2);
        assertThat(EventEnvelope.of(SampleEvents.of(EventType.INVITATION_CREATED), "t", "c").schemaVersion())
                .isEqualTo(3);
        assertThat(EventEnvelope.of(SampleEvents.of(EventType.INVITATION_RESENT), "t", "c").schemaVersion())
                .isEqualTo(2);
    }

    @Test
    void aVersionOneInvitationKeepsItsPlainLinkAndHasNoSealedOne() {
        InvitationCreated created = (InvitationCreated) EventJson.fromJson("""
                {"eventId":"e-6","type":"InvitationCreated","schemaVersion":1,"tenantId":"t-1",
                 "payload":{"invitationId":"inv-1","testId":"test-1","testTitle":"T",
                            "candidate":{"name":"Ada","email":"ada@example.org"},
                            "accessUrl":"http://localhost/take#token=abc","durationMinutes":30}}
                """).payload();

        assertThat(created.accessUrl()).isEqualTo("http://localhost/take#token=abc");
        assertThat(created.sealedAccessUrl()).isNull();
        assertThat(created.extraTimeMinutes()).as("no extra time before v3 said it").isZero();
    }

    @Test
    void aVersionTwoInvitationCarriesNoPlainLink() {
        String json = EventJson.toJson(EventEnvelope.of(SampleEvents.of(EventType.INVITATION_CREATED), "t", "c"));

        assertThat(json).contains("\"sealedAccessUrl\":").doesNotContain("token=");
    }

    @Test
    void aVersionOneResultWithWholePointsIsReadAsFinalAndScored() {
        String json = """
                {"eventId":"e-3","type":"AssessmentScored","schemaVersion":1,"tenantId":"t-1",
                 "payload":{"sessionId":"ses-9","invitationId":"inv-9","points":6,"maxPoints":7,"percent":85.7,
                            "passMarkPercent":60,"passed":true,
                            "items":[{"questionId":"q-1","questionVersion":1,"kind":"FREE_TEXT","points":3,
                                      "maxPoints":4,"matchedKeyPointIds":["kp-1"]}]}}
                """;

        AssessmentScored scored = (AssessmentScored) EventJson.fromJson(json).payload();

        assertThat(scored.points()).isEqualByComparingTo("6");
        assertThat(scored.provisional()).as("v1 results had no review: they are final").isFalse();
        assertThat(scored.reviewCount()).isZero();
        assertThat(scored.items().get(0).points()).isEqualByComparingTo("3");
        assertThat(scored.items().get(0).status()).isEqualTo(ItemStatus.SCORED);
        assertThat(scored.items().get(0).evidence()).isNull();
    }

    @Test
    void aResultCarriesItsSubmitTimeFromVersionThreeAndOlderOnesReadWithoutIt() {
        AssessmentScored current = (AssessmentScored) EventJson.fromJson(EventJson.toJson(
                EventEnvelope.of(SampleEvents.of(EventType.ASSESSMENT_SCORED), "t", "c"))).payload();
        AssessmentScored versionTwo = (AssessmentScored) EventJson.fromJson("""
                {"eventId":"e-4","type":"AssessmentScored","schemaVersion":2,"tenantId":"t-1",
                 "payload":{"sessionId":"ses-9","points":6.5,"maxPoints":7,"scoredAt":"2026-01-01T10:00:00Z",
                            "provisional":false,"reviewCount":0,"items":[]}}
                """).payload();

        assertThat(current.submittedAt()).isEqualTo(SampleEvents.T0.plusSeconds(1800));
        assertThat(versionTwo.submittedAt()).isNull();
        assertThat(versionTwo.points()).isEqualByComparingTo("6.5");
    }

    @Test
    void aVersionOneAdjustmentAndQuestionAreReadWithTheirNewFieldsEmpty() {
        ScoreAdjusted adjusted = (ScoreAdjusted) EventJson.fromJson("""
                {"eventId":"e-4","type":"ScoreAdjusted","schemaVersion":1,"tenantId":"t-1",
                 "payload":{"sessionId":"ses-9","questionId":"q-1","itemPoints":4,"reason":"fair",
                            "adjustedBy":"rita@example.com","points":7,"maxPoints":7,"percent":100.0,"passed":true}}
                """).payload();
        QuestionPublished question = (QuestionPublished) EventJson.fromJson("""
                {"eventId":"e-5","type":"QuestionPublished","schemaVersion":1,"tenantId":"t-1",
                 "payload":{"questionId":"q-2","version":1,"kind":"MULTI_CHOICE","prompt":"Pick",
                            "correctOptionIds":["a","b"],"maxPoints":2,
                            "rubric":{"keyPoints":[{"id":"k","description":"d","phrases":["p"],"points":1}]}}}
                """).payload();

        assertThat(adjusted.itemPoints()).isEqualByComparingTo("4");
        assertThat(adjusted.points()).isEqualByComparingTo("7");
        assertThat(adjusted.machineItemPoints()).isNull();
        assertThat(adjusted.recruiterEmail()).isNull();
        assertThat(question.choiceScoring()).isEqualTo(ChoiceScoring.ALL_OR_NOTHING);
        assertThat(question.rubric().misconceptions()).isEmpty();
        assertThat(question.rubric().keyPoints().get(0).examples()).isEmpty();
    }

    @Test
    void aVersionTwoAdjustmentIsReadWithoutThePreviousPointsAndAVersionThreeOneCarriesThem() {
        ScoreAdjusted v2 = (ScoreAdjusted) EventJson.fromJson("""
                {"eventId":"e-7","type":"ScoreAdjusted","schemaVersion":2,"tenantId":"t-1",
                 "payload":{"sessionId":"ses-9","questionId":"q-1","itemPoints":4,"reason":"fair",
                            "adjustedBy":"rita@example.com","points":7,"maxPoints":7,"percent":100.0,"passed":true,
                            "machineItemPoints":2,"provisional":false,"reviewCount":0}}
                """).payload();
        ScoreAdjusted v3 = (ScoreAdjusted) EventJson.fromJson(EventJson.toJson(EventEnvelope.of(
                SampleEvents.of(EventType.SCORE_ADJUSTED), "t", "c"))).payload();

        assertThat(v2.machineItemPoints()).isEqualByComparingTo("2");
        assertThat(v2.previousItemPoints()).isNull();
        assertThat(v3.previousItemPoints()).isEqualByComparingTo("3");
    }

    @Test
    void anEventTypeFromANewerProducerIsReadAsUnrecognizedNotAsAnError() {
        String json = """
                {"eventId":"e-2","type":"CandidateWithdrew","schemaVersion":1,"tenantId":"t-1",
                 "payload":{"invitationId":"inv-7"}}
                """;

        EventEnvelope<EventPayload> received = EventJson.fromJson(json);

        assertThat(received.payload()).isInstanceOfSatisfying(UnrecognizedEvent.class,
                u -> assertThat(u.type()).isEqualTo("CandidateWithdrew"));
    }

    /** During a rolling deploy a newer producer may name a value this build has never heard of. */
    @Test
    void aStatusOrScoringRuleAddedByANewerProducerIsReadAsItsCautiousMeaning() {
        AssessmentScored scored = (AssessmentScored) EventJson.fromJson("""
                {"eventId":"e-6","type":"AssessmentScored","schemaVersion":9,"tenantId":"t-1",
                 "payload":{"sessionId":"ses-9","points":3,"maxPoints":4,"provisional":true,"reviewCount":1,
                            "items":[{"questionId":"q-1","kind":"FREE_TEXT","points":3,"maxPoints":4,
                                      "status":"ESCALATED_TO_PANEL"}]}}
                """).payload();
        QuestionPublished question = (QuestionPublished) EventJson.fromJson("""
                {"eventId":"e-7","type":"QuestionPublished","schemaVersion":9,"tenantId":"t-1",
                 "payload":{"questionId":"q-2","version":1,"kind":"MULTI_CHOICE","prompt":"Pick",
                            "correctOptionIds":["a","b"],"maxPoints":2,"choiceScoring":"WEIGHTED"}}
                """).payload();

        assertThat(scored.items().get(0).status()).as("a person looks at what this build cannot judge")
                .isEqualTo(ItemStatus.NEEDS_REVIEW);
        assertThat(question.choiceScoring()).as("the rule every question had before there was a choice")
                .isEqualTo(ChoiceScoring.ALL_OR_NOTHING);
    }

    @Test
    void aPayloadThisBuildCannotReadIsAMalformedEventThatNamesItsTypeVersionAndField() {
        String json = """
                {"eventId":"e-8","type":"QuestionPublished","schemaVersion":9,"tenantId":"t-1",
                 "payload":{"questionId":"q-3","version":1,"kind":"CODE_EXERCISE","prompt":"Write it","maxPoints":5}}
                """;

        assertThatThrownBy(() -> EventJson.fromJson(json))
                .isInstanceOf(EventJson.MalformedEventException.class)
                .hasMessageContaining("QuestionPublished v9")
                .hasMessageContaining("kind")
                .hasMessageContaining("CODE_EXERCISE");
    }

    @Test
    void aPartnerTestWrittenByHandWithoutItsCallbackIsReadAndTravelsWithItsInvitation() {
        String json = """
                {"eventId":"e-3","type":"PartnerTestSent","tenantId":"t-1",
                 "payload":{"invitationId":"inv-8","partner":"greenhouse","partnerInterviewId":"inv-8"}}
                """;

        EventEnvelope<EventPayload> received = EventJson.fromJson(json);

        assertThat(received.payload()).isInstanceOfSatisfying(PartnerTestSent.class, sent -> {
            assertThat(sent.partner()).isEqualTo("greenhouse");
            assertThat(sent.callbackUrl()).isNull();
            assertThat(sent.sealedCallbackKey()).isNull();
            assertThat(sent.sentAt()).isNull();
        });
        assertThat(received.key()).as("ordered with the invitation's other events").isEqualTo("inv-8");
        assertThat(received.topic()).isEqualTo(Topics.INVITATIONS);
    }

    /**
     * The announcement that a partner may be told must stay behind the invitation's PartnerTestSent (same topic,
     * same key) and carry nothing about the candidate or the score, which the partner reads from its status call.
     */
    @Test
    void aPartnerResultReadyTravelsBehindItsPartnerTestSentAndNamesNoCandidateOrScore() {
        EventEnvelope<PartnerResultReady> ready = EventEnvelope.of(
                new PartnerResultReady("inv-8", "ses-8", "greenhouse", 1, SampleEvents.T0), "t-1", "c");
        EventEnvelope<PartnerTestSent> sent = EventEnvelope.of(
                new PartnerTestSent("inv-8", "greenhouse", "inv-8", null, null, SampleEvents.T0), "t-1", "c");

        assertThat(ready.topic()).isEqualTo(sent.topic()).isEqualTo(Topics.INVITATIONS);
        assertThat(ready.key()).isEqualTo(sent.key()).isEqualTo("inv-8");
        assertThat(ready.schemaVersion()).isEqualTo(1);
        String json = EventJson.toJson(ready);
        assertThat(json).contains("\"type\":\"PartnerResultReady\"", "\"resultVersion\":1")
                .doesNotContain("points", "percent", "candidate", "email");

        EventEnvelope<EventPayload> minimal = EventJson.fromJson("""
                {"eventId":"e-4","type":"PartnerResultReady","tenantId":"t-1",
                 "payload":{"invitationId":"inv-8","partner":"greenhouse","resultVersion":2,"future":true}}
                """);
        assertThat(minimal.payload()).isInstanceOfSatisfying(PartnerResultReady.class, r -> {
            assertThat(r.resultVersion()).isEqualTo(2);
            assertThat(r.sessionId()).isNull();
            assertThat(r.resultAt()).isNull();
        });
    }

    @Test
    void bytesThatAreNotAnEnvelopeAreReportedAsMalformed() {
        assertThatThrownBy(() -> EventJson.fromBytes("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.fromJson("[1,2]"))
                .isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.fromJson("{\"type\":\"InvitationRevoked\",\"payload\":{}}"))
                .isInstanceOf(EventJson.MalformedEventException.class)
                .hasMessageContaining("eventId");
        assertThatThrownBy(() -> EventJson.fromJson(
                "{\"eventId\":\"e\",\"type\":\"QuestionRetired\",\"payload\":{\"version\":\"two\"}}"))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }

    @Test
    void eachAggregateKeepsItsEventsOnOnePartition() {
        assertThat(EventEnvelope.of(new InvitationRevoked("inv-3", "x"), "t", "c").key()).isEqualTo("inv-3");
        assertThat(EventEnvelope.of(SampleEvents.of(EventType.ASSESSMENT_STARTED), "t", "c").key())
                .as("session start travels with its invitation").isEqualTo("inv-1");
        assertThat(EventEnvelope.of(SampleEvents.of(EventType.ASSESSMENT_SCORED), "t", "c").key()).isEqualTo("ses-1");
    }
}
