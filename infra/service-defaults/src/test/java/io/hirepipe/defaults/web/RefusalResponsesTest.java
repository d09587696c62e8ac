package io.hirepipe.defaults.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefusalResponsesTest {

    @Refusal(status = 422, type = "idempotency-key-reused", detail = "Idempotency-Key 'k1' was used for a different request.")
    static class InvitationsController {

        @Refusal(status = 409, type = "invitation-started", detail = "Invitation 'inv_1' was already started.")
        @Refusal(status = 409, type = "invitation-changed", title = "Changing", detail = "The invitation is changing right now; try again.")
        void revoke() {
        }

        void create() {
        }

        @Refusal(status = 400, type = "bad", detail = "Not a refusal.")
        void misdeclared() {
        }
    }

    @Test
    void eachDeclaredRefusalIsANamedExampleOfItsStatusAndTheClassesApplyToEveryOperation() throws Exception {
        Operation revoke = customize("revoke");

        MediaType conflicts = problemOf(revoke, "409");
        assertThat(conflicts.getExamples()).containsOnlyKeys("invitation-started", "invitation-changed");
        assertThat(body(conflicts, "invitation-started")).containsEntry("type", "https://hirepipe.io/problems/invitation-started")
                .containsEntry("title", "Conflict").containsEntry("status", 409)
                .containsEntry("detail", "Invitation 'inv_1' was already started.");
        assertThat(body(conflicts, "invitation-changed")).containsEntry("title", "Changing");
        assertThat(revoke.getResponses().get("409").getDescription()).isEqualTo(RefusalResponses.DESCRIPTIONS.get(409));
        assertThat(problemOf(revoke, "422").getExamples()).containsOnlyKeys("idempotency-key-reused");

        Operation create = customize("create");
        assertThat(create.getResponses()).containsOnlyKeys("200", "422");
    }

    @Test
    void theProblemResponsesKeepTheDeclaredExamplesAndAddNoConflictToAnOperationThatDeclaresNone() throws Exception {
        OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/api/invitations/{id}/revoke",
                new PathItem().post(customize("revoke")).put(customize("create"))));

        new ProblemResponsesCustomizer().customise(api);

        Operation revoke = api.getPaths().get("/api/invitations/{id}/revoke").getPost();
        assertThat(problemOf(revoke, "409").getExamples()).containsOnlyKeys("invitation-started", "invitation-changed");
        assertThat(problemOf(revoke, "409").getExample()).isNull();
        Operation create = api.getPaths().get("/api/invitations/{id}/revoke").getPut();
        assertThat(create.getResponses()).containsKeys("400", "404", "422").doesNotContainKey("409");
    }

    @Test
    void aStatusOtherThan409Or422IsADeclarationMistakeNamedAtStart() {
        assertThatThrownBy(() -> customize("misdeclared")).hasMessageContaining("misdeclared").hasMessageContaining("400");
    }

    private static Operation customize(String method) throws NoSuchMethodException {
        Operation operation = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
        HandlerMethod handler = new HandlerMethod(new InvitationsController(), InvitationsController.class.getDeclaredMethod(method));
        return new RefusalResponses().customize(operation, handler);
    }

    private static MediaType problemOf(Operation operation, String status) {
        return operation.getResponses().get(status).getContent().get(ProblemResponsesCustomizer.PROBLEM_MEDIA_TYPE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(MediaType media, String example) {
        return (Map<String, Object>) media.getExamples().get(example).getValue();
    }
}
