package io.hirepipe.defaults.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesCustomizerTest {

    @Test
    void aNotFoundExampleNamesTheRecordOfItsPathAsTheServiceWouldSayIt() {
        assertThat(notFoundDetail("/api/questions/{id}")).isEqualTo("Question 'q_4RtY7uKs2Lm9NbVc' does not exist.");
        assertThat(notFoundDetail("/api/questions/{id}/publish")).startsWith("Question '");
        assertThat(notFoundDetail("/api/tests/{id}")).startsWith("Test 't_");
        assertThat(notFoundDetail("/api/invitations/{invitationId}/resend")).startsWith("Invitation 'inv_");
        assertThat(notFoundDetail("/api/results/{sessionId}/items/{questionId}")).startsWith("Item '");
        assertThat(notFoundDetail("/api/notifications/webhooks/{id}")).startsWith("Webhook subscription 'whk_");
        assertThat(notFoundDetail("/api/candidate/assessment/answers/{questionId}")).startsWith("Question 'q_");
        assertThat(notFoundDetail("/api/privacy/erasures/{erasureId}")).startsWith("Erasure '");
        assertThat(notFoundDetail("/api/operations/scoring/dead-letters/{id}/replay")).startsWith("Dead letter '");
        assertThat(notFoundDetail("/api/notifications/webhooks/{id}/deliveries/{deliveryId}/redeliver")).startsWith("Webhook delivery '");
    }

    @Test
    void onlyPathsThatNameARecordGetA404AndNoOperationGetsAConflictItDoesNotDeclare() {
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/questions", new PathItem().get(operation()).post(operation()))
                .addPathItem("/api/questions/{id}", new PathItem().get(operation())));
        new ProblemResponsesCustomizer().customise(api);

        ApiResponses list = api.getPaths().get("/api/questions").getGet().getResponses();
        ApiResponses create = api.getPaths().get("/api/questions").getPost().getResponses();
        ApiResponses read = api.getPaths().get("/api/questions/{id}").getGet().getResponses();
        assertThat(list).containsKeys("200", "400", "401", "403", "429", "503").doesNotContainKeys("404", "409", "422");
        assertThat(create).containsKey("400").doesNotContainKeys("404", "409", "422");
        assertThat(read).containsKey("404");
        assertThat(read.get("404").getContent()).containsOnlyKeys(ProblemResponsesCustomizer.PROBLEM_MEDIA_TYPE);
        @SuppressWarnings("unchecked")
        Map<String, Object> example = (Map<String, Object>) read.get("404").getContent()
                .get(ProblemResponsesCustomizer.PROBLEM_MEDIA_TYPE).getExample();
        assertThat(example).containsEntry("title", "Question not found").containsEntry("status", 404);
        @SuppressWarnings("unchecked")
        Map<String, Object> limited = (Map<String, Object>) list.get("429").getContent()
                .get(ProblemResponsesCustomizer.PROBLEM_MEDIA_TYPE).getExample();
        assertThat(limited).containsEntry("rateLimitGroup", "reads");
    }

    private static Operation operation() {
        return new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
    }

    private static String notFoundDetail(String path) {
        return String.valueOf(ProblemResponsesCustomizer.notFound(path).body().get("detail"));
    }
}
