package io.hirepipe.contracts;

import io.hirepipe.contracts.events.AssessmentScored;
import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.EventPayload;
import io.hirepipe.contracts.events.InvitationRevoked;
import io.hirepipe.contracts.events.ItemScore;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.QuestionPublished;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.contracts.events.UnrecognizedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
    void anEventTypeFromANewerProducerIsReadAsUnrecognizedNotAsAnError() {
        String json = """
                {"eventId":"e-2","type":"CandidateWithdrew","schemaVersion":1,"tenantId":"t-1",
                 "payload":{"invitationId":"inv-7"}}
                """;

        EventEnvelope<EventPayload> received = EventJson.fromJson(json);

        assertThat(received.payload()).isInstanceOfSatisfying(UnrecognizedEvent.class,
                u -> assertThat(u.type()).isEqualTo("CandidateWithdrew"));
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
