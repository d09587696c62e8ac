package io.hirepipe.localstack;

import io.hirepipe.testkit.HttpApi;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** A candidate answering every question of a started session through the gateway, then submitting. */
final class CandidateAnswers {

    private CandidateAnswers() {
    }

    /**
     * Free-text questions get {@code text}, choice questions their first option.
     *
     * @param session the answer to {@code POST /api/v1/candidate/assessment/start}
     */
    static void answerEveryQuestionAndSubmit(HttpApi candidate, JsonNode session, String text) {
        for (JsonNode question : session.get("questions")) {
            String path = "/api/v1/candidate/assessment/answers/" + question.get("questionId").asString();
            if ("FREE_TEXT".equals(question.get("kind").asString())) {
                candidate.put(path, Map.of("sequence", 1, "text", text)).expect(200);
            } else {
                candidate.put(path, Map.of("sequence", 1, "selectedOptionIds",
                        List.of(question.get("options").get(0).get("id").asString()))).expect(200);
            }
        }
        candidate.post("/api/v1/candidate/assessment/submit", Map.of()).expect(200);
    }
}
