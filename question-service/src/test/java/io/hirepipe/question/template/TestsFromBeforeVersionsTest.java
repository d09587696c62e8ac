package io.hirepipe.question.template;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.question.support.IntegrationTestBase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.util.Date;
import java.util.List;

import static io.hirepipe.question.support.Questions.singleChoice;
import static org.assertj.core.api.Assertions.assertThat;

/** A test stored flat by the release before drafts and versions still reads, lists and delivers. */
class TestsFromBeforeVersionsTest extends IntegrationTestBase {

    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private TestTemplateStore store;

    @Test
    void anOldFlatTestBecomesPublishedVersionOneWithTheSameQuestions() {
        String question = createPublishedQuestion(recruiter, singleChoice("Spike")).get("id").asString();
        String id = "t_old_" + tenant.substring(7, 15);
        mongo.getCollection(TestTemplateDocument.COLLECTION).insertOne(new Document("_id", id)
                .append("tenantId", tenant).append("title", "Old screen").append("description", "Before versions")
                .append("durationMinutes", 25).append("passMarkPercent", 50)
                .append("sections", List.of(new Document("title", "S").append("questions",
                        List.of(new Document("questionId", question).append("version", 1)))))
                .append("totalPoints", 2).append("createdAt", new Date()));

        store.upgradeTestsFromBeforeVersions();

        JsonNode test = api(recruiter).get("/api/tests/" + id).expect(200);
        assertThat(test.get("title").asString()).isEqualTo("Old screen");
        assertThat(test.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(test.get("publishedVersion").asInt()).isEqualTo(1);
        assertThat(test.get("shuffleOptions").asBoolean()).isTrue();
        assertThat(api(recruiter).get("/api/tests?q=old%20screen").expect(200).get("items")).hasSize(1);
        JsonNode delivery = api(Caller.service(tenant, "assessment-service"))
                .get("/api/tests/" + id + "/delivery?sessionId=s-1").expect(200);
        assertThat(delivery.get("questions").get(0).get("questionId").asString()).isEqualTo(question);
        assertThat(delivery.get("perSession").asBoolean()).isFalse();
    }
}
