package io.hirepipe.gateway.docs;

import io.hirepipe.gateway.docs.OpenApiMerger.ServiceDocument;
import io.hirepipe.gateway.docs.OpenApiMerger.ServiceRoute;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ServiceRoute QUESTIONS = new ServiceRoute("question-service",
            List.of("/api/v1/questions/**", "/api/v1/tests/**"));
    private static final ServiceRoute SCORING = new ServiceRoute("scoring-service", List.of("/api/v1/results/**"));

    private static JsonNode doc(String json) {
        return JSON.readTree(json.replace('\'', '"'));
    }

    private static final JsonNode QUESTION_DOC = doc("""
            {'openapi':'3.1.0','paths':{
              '/api/questions':{'get':{'operationId':'list','responses':{'200':{'description':'OK'}}},
                                'post':{'operationId':'create','requestBody':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Item'}}}}}},
              '/api/questions/{id}':{'get':{'operationId':'one','responses':{'404':{'description':'No such question','content':{'*/*':{'schema':{'type':'object'}}}}}}},
              '/api/internal/reindex':{'post':{'operationId':'reindex'}},
              '/actuator/health':{'get':{'operationId':'health'}}},
             'components':{'schemas':{'Item':{'type':'object','properties':{'text':{'type':'string'}}}}}}
            """);

    @Test
    void internalPathsBecomePublicV1Paths() {
        assertThat(OpenApiMerger.publicPath("/api/questions/{id}")).contains("/api/v1/questions/{id}");
        assertThat(OpenApiMerger.publicPath("/api/operations/scoring/replay")).contains("/api/v1/operations/scoring/replay");
        assertThat(OpenApiMerger.publicPath("/actuator/health")).isEmpty();
        assertThat(OpenApiMerger.publicPath("/v3/api-docs")).isEmpty();
        assertThat(OpenApiMerger.publicPath("/api/v1/questions")).as("already public: not rewritten twice").isEmpty();
    }

    @Test
    void onlyRoutedPathsAreKeptUnderTheirPublicForm() {
        ObjectNode merged = OpenApiMerger.merge("t", "v1", List.of(ServiceDocument.available(QUESTIONS, QUESTION_DOC)), null);

        assertThat(merged.get("paths").propertyNames())
                .containsExactlyInAnyOrder("/api/v1/questions", "/api/v1/questions/{id}");
        assertThat(merged.at("/paths/~1api~1v1~1questions/post/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Item");
        assertThat(merged.at("/components/schemas/Item/type").asString()).isEqualTo("object");
        assertThat(merged.at("/paths/~1api~1v1~1questions/post/operationId").asString())
                .as("unique across services").isEqualTo("question.create");
    }

    @Test
    void everyOperationNamesTheScopeTheGatewayEnforcesAndBothSecuritySchemes() {
        ObjectNode merged = OpenApiMerger.merge("t", "v1", List.of(ServiceDocument.available(QUESTIONS, QUESTION_DOC)), null);

        assertThat(merged.at("/paths/~1api~1v1~1questions/get/x-required-scope").asString()).isEqualTo("questions:read");
        assertThat(merged.at("/paths/~1api~1v1~1questions/post/x-required-scope").asString()).isEqualTo("questions:write");
        assertThat(merged.at("/paths/~1api~1v1~1questions/post/security/1/apiKey/0").asString()).isEqualTo("questions:write");
        assertThat(merged.at("/paths/~1api~1v1~1questions/post/security/0").has("bearerAuth")).isTrue();
        assertThat(merged.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
        assertThat(merged.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
        assertThat(merged.at("/components/securitySchemes/apiKey/in").asString()).isEqualTo("header");
    }

    @Test
    void everyOperationHasTheProblemResponsesAndKeepsTheServicesOwnWording() {
        ObjectNode merged = OpenApiMerger.merge("t", "v1", List.of(ServiceDocument.available(QUESTIONS, QUESTION_DOC)), null);

        JsonNode responses = merged.at("/paths/~1api~1v1~1questions~1{id}/get/responses");
        for (int status : OpenApiMerger.PROBLEM_STATUSES) {
            assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asString())
                    .as("status " + status).isEqualTo("#/components/schemas/ProblemDetail");
        }
        assertThat(responses.at("/404/description").asString()).isEqualTo("No such question");
        assertThat(responses.at("/404/content").has("*/*")).isFalse();
        assertThat(merged.at("/components/schemas/ProblemDetail/properties/status/type").asString()).isEqualTo("integer");
    }

    @Test
    void aServiceThatIsDownIsNotedNotFatal() {
        ObjectNode merged = OpenApiMerger.merge("t", "v1", List.of(
                ServiceDocument.available(QUESTIONS, QUESTION_DOC),
                ServiceDocument.unavailable(SCORING, "connection refused")), null);

        assertThat(merged.at("/x-unavailable/0/service").asString()).isEqualTo("scoring-service");
        assertThat(merged.get("paths").has("/api/v1/questions")).isTrue();
    }

    @Test
    void sameNamedSchemasOfDifferentShapeAreKeptApart() {
        JsonNode scoringDoc = doc("""
                {'paths':{'/api/results/{id}':{'get':{'responses':{'200':{'description':'OK','content':{'application/json':{'schema':{'$ref':'#/components/schemas/Item'}}}}}}}},
                 'components':{'schemas':{'Item':{'type':'object','properties':{'score':{'type':'number'}}}}}}
                """);
        ObjectNode merged = OpenApiMerger.merge("t", "v1", List.of(
                ServiceDocument.available(QUESTIONS, QUESTION_DOC),
                ServiceDocument.available(SCORING, scoringDoc)), null);

        assertThat(merged.at("/components/schemas/Item/properties").has("text")).isTrue();
        assertThat(merged.at("/components/schemas/ScoringItem/properties").has("score")).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1results~1{id}/get/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/ScoringItem");
    }

    @Test
    void theGatewaysOwnEndpointsAreDocumentedToo() {
        JsonNode gatewayDoc = doc("""
                {'paths':{
                  '/api/v1/auth/login':{'post':{'operationId':'login','requestBody':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/LoginRequest'}}}},
                     'responses':{'200':{'description':'OK'},'401':{'description':'Wrong credentials','content':{'application/problem+json':{'example':{'status':401}}}}}}},
                  '/api/v1/api-keys':{'get':{'operationId':'list','responses':{'200':{'description':'OK'}}}},
                  '/api/docs/openapi.json':{'get':{'operationId':'document'}}},
                 'components':{'schemas':{'LoginRequest':{'type':'object','properties':{'email':{'type':'string','example':'rita@acme.example'}}}}}}
                """);

        ObjectNode merged = OpenApiMerger.merge("t", "v1", List.of(), gatewayDoc);

        JsonNode login = merged.at("/paths/~1api~1v1~1auth~1login/post");
        assertThat(login.at("/operationId").asString()).isEqualTo("gateway.login");
        assertThat(login.at("/x-service").asString()).isEqualTo("gateway");
        assertThat(merged.at("/components/schemas/LoginRequest/properties/email/example").asString()).isEqualTo("rita@acme.example");
        assertThat(login.get("security")).as("signing in needs no credentials").isEmpty();
        assertThat(login.at("/x-required-scope").isMissingNode()).isTrue();
        assertThat(login.at("/responses/401/content/application~1problem+json/example/status").asInt())
                .as("the gateway's own problem description is kept").isEqualTo(401);
        assertThat(login.at("/responses/429").isMissingNode()).as("not the generic list on top of its own").isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1api-keys/get/security/0").has("bearerAuth")).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1api-keys/get/responses/401/content").has("application/problem+json")).isTrue();
        assertThat(merged.get("paths").has("/api/docs/openapi.json")).as("only public API paths").isFalse();
    }

    @Test
    void theForbiddenExampleNamesTheScopeOfItsOperation() {
        JsonNode problem = doc("{'content':{'application/problem+json':{'example':{'type':'x','requiredScope':'invitations:write'}}}}");
        JsonNode serviceDoc = doc("{'paths':{'/api/questions':{'post':{'responses':{}},'get':{'responses':{}}}}}");
        ((ObjectNode) serviceDoc.at("/paths/~1api~1questions/post/responses")).set("403", problem.deepCopy());
        ((ObjectNode) serviceDoc.at("/paths/~1api~1questions/get/responses")).set("403", problem.deepCopy());

        ObjectNode merged = OpenApiMerger.merge("t", "v1", List.of(ServiceDocument.available(QUESTIONS, serviceDoc)), null);

        JsonNode post = merged.at("/paths/~1api~1v1~1questions/post/responses/403/content/application~1problem+json/example");
        assertThat(post.at("/requiredScope").asString()).isEqualTo("questions:write");
        assertThat(post.at("/type").asString()).endsWith("/insufficient-scope");
        assertThat(merged.at("/paths/~1api~1v1~1questions/get/responses/403/content/application~1problem+json/example/requiredScope")
                .asString()).isEqualTo("questions:read");
    }

    private static final ServiceRoute ASSESSMENT = new ServiceRoute("assessment-service",
            List.of("/api/v1/invitations/**", "/api/v1/candidate/**", "/api/v1/integrations/greenhouse/**"));
    private static final String FORBIDDEN = "{'description':'Forbidden','content':{'application/problem+json':"
            + "{'example':{'type':'x','detail':'d','requiredScope':'invitations:write'}}}}";

    private static JsonNode operation(String roles) {
        return doc("{'x-roles':" + roles + ",'responses':{'403':" + FORBIDDEN + "}}");
    }

    @Test
    void whatOnlyServicesMayCallIsLeftOutWithAPathLeftEmpty() {
        ObjectNode serviceDoc = (ObjectNode) doc("{'paths':{}}");
        ObjectNode paths = (ObjectNode) serviceDoc.get("paths");
        paths.putObject("/api/tests/{id}/delivery").set("get", operation("['SERVICE']"));
        paths.putObject("/api/tests").set("get", operation("['VIEWER','PLATFORM','SERVICE']"));
        ObjectNode test = paths.putObject("/api/tests/{id}");
        test.set("get", operation("['VIEWER','PLATFORM','SERVICE']"));
        test.set("put", operation("['SERVICE']"));

        ObjectNode merged = OpenApiMerger.merge("t", "v1", List.of(ServiceDocument.available(QUESTIONS, serviceDoc)), null);

        assertThat(merged.get("paths").propertyNames()).containsExactly("/api/v1/tests", "/api/v1/tests/{id}");
        assertThat(merged.at("/paths/~1api~1v1~1tests~1{id}").propertyNames()).containsExactly("get");
        JsonNode list = merged.at("/paths/~1api~1v1~1tests/get");
        assertThat(list.get("x-roles")).as("SERVICE is no public client's").containsExactly(
                JSON.getNodeFactory().stringNode("VIEWER"), JSON.getNodeFactory().stringNode("PLATFORM"));
        assertThat(list.get("x-required-scope").asString()).isEqualTo("questions:read");
        assertThat(list.at("/security/1/apiKey/0").asString()).isEqualTo("questions:read");
    }

    @Test
    void theSchemasOfWhatIsLeftOutAreLeftOutTooAndWhatAListedOneUsesStays() {
        JsonNode serviceDoc = doc("""
                {'paths':{
                  '/api/tests/{id}/delivery':{'get':{'x-roles':['SERVICE'],'responses':{'200':{'description':'OK',
                      'content':{'application/json':{'schema':{'$ref':'#/components/schemas/TestDelivery'}}}}}}},
                  '/api/tests':{'get':{'x-roles':['VIEWER'],'responses':{'200':{'description':'OK',
                      'content':{'application/json':{'schema':{'$ref':'#/components/schemas/TestPage'}}}}}}}},
                 'components':{'schemas':{
                  'TestDelivery':{'type':'object','properties':{'questions':{'type':'array','items':{'$ref':'#/components/schemas/DeliveredQuestion'}}}},
                  'DeliveredQuestion':{'type':'object'},
                  'TestPage':{'type':'object','properties':{'items':{'type':'array','items':{'$ref':'#/components/schemas/TestView'}}}},
                  'TestView':{'type':'object','properties':{'self':{'$ref':'#/components/schemas/TestView'}}}}}}
                """);

        ObjectNode merged = OpenApiMerger.merge("t", "v1", List.of(ServiceDocument.available(QUESTIONS, serviceDoc)), null);

        assertThat(merged.get("paths").propertyNames()).containsExactly("/api/v1/tests");
        assertThat(merged.at("/components/schemas").propertyNames())
                .containsExactlyInAnyOrder("TestPage", "TestView", OpenApiMerger.PROBLEM_SCHEMA);
    }

    @Test
    void anOperationNoApiKeyMayCallNamesNoScopeAndTheRoleItNeeds() {
        ObjectNode serviceDoc = (ObjectNode) doc("{'paths':{}}");
        ObjectNode settings = ((ObjectNode) serviceDoc.get("paths")).putObject("/api/integrations/greenhouse/settings");
        settings.set("get", operation("['ADMIN']"));
        settings.set("put", operation("['RECRUITER','ADMIN']"));
        ((ObjectNode) serviceDoc.get("paths")).putObject("/api/integrations/greenhouse/send_test")
                .set("post", operation("['RECRUITER','PLATFORM']"));

        ObjectNode merged = OpenApiMerger.merge("t", "v1", List.of(ServiceDocument.available(ASSESSMENT, serviceDoc)), null);

        JsonNode get = merged.at("/paths/~1api~1v1~1integrations~1greenhouse~1settings/get");
        assertThat(get.has("x-required-scope")).as("the gateway's rule names a scope, but the service lets no key in")
                .isFalse();
        assertThat(get.get("security")).hasSize(1);
        assertThat(get.at("/security/0").has("bearerAuth")).isTrue();
        assertThat(get.get("x-roles").toString()).isEqualTo("[\"ADMIN\"]");
        String needsAdmin = "Needs a signed-in user with the ADMIN role; API keys cannot call this operation.";
        assertThat(get.at("/responses/403/description").asString()).isEqualTo(needsAdmin);
        JsonNode refused = get.at("/responses/403/content/application~1problem+json/example");
        assertThat(refused.at("/type").asString()).endsWith("/forbidden");
        assertThat(refused.at("/detail").asString()).isEqualTo(needsAdmin);
        assertThat(refused.has("requiredScope")).isFalse();
        assertThat(merged.at("/paths/~1api~1v1~1integrations~1greenhouse~1settings/put/responses/403/description").asString())
                .as("the least role it lets in").startsWith("Needs a signed-in user with the RECRUITER role or a higher one;");

        JsonNode sendTest = merged.at("/paths/~1api~1v1~1integrations~1greenhouse~1send_test/post");
        assertThat(sendTest.get("x-required-scope").asString()).as("a key may: as before").isEqualTo("integrations:greenhouse");
        assertThat(sendTest.at("/security/1/apiKey/0").asString()).isEqualTo("integrations:greenhouse");
        assertThat(sendTest.at("/responses/403/content/application~1problem+json/example/requiredScope").asString())
                .isEqualTo("integrations:greenhouse");
        assertThat(sendTest.at("/responses/403/description").asString()).isEqualTo("Forbidden");
    }

    /**
     * Greenhouse cannot send X-Api-Key: it calls with HTTP Basic, the key as user name. The description says so on
     * the operations Greenhouse calls, and only there (a key cannot change the settings).
     */
    @Test
    void theOperationsGreenhouseCallsOfferHttpBasicWithTheKeyAsUserName() {
        ObjectNode serviceDoc = (ObjectNode) doc("{'paths':{}}");
        ((ObjectNode) serviceDoc.get("paths")).putObject("/api/integrations/greenhouse/send_test")
                .set("post", operation("['RECRUITER','PLATFORM']"));
        ((ObjectNode) serviceDoc.get("paths")).putObject("/api/integrations/greenhouse/settings")
                .set("put", operation("['ADMIN']"));
        ((ObjectNode) serviceDoc.get("paths")).putObject("/api/invitations")
                .set("post", operation("['RECRUITER','PLATFORM']"));

        ObjectNode merged = OpenApiMerger.merge("t", "v1", List.of(ServiceDocument.available(ASSESSMENT, serviceDoc)), null);

        JsonNode scheme = merged.at("/components/securitySchemes/greenhouseBasic");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("basic");
        assertThat(scheme.get("description").asString()).contains("user name").contains("integrations:greenhouse");
        JsonNode sendTest = merged.at("/paths/~1api~1v1~1integrations~1greenhouse~1send_test/post/security");
        assertThat(sendTest.findValues("greenhouseBasic")).singleElement()
                .satisfies(scopes -> assertThat(scopes.get(0).asString()).isEqualTo("integrations:greenhouse"));
        assertThat(merged.at("/paths/~1api~1v1~1integrations~1greenhouse~1settings/put/security")
                .findValues("greenhouseBasic")).isEmpty();
        assertThat(merged.at("/paths/~1api~1v1~1invitations/post/security").findValues("greenhouseBasic"))
                .as("Basic is no way in elsewhere").isEmpty();
    }

    @Test
    void aKeyTheServiceWouldLetInButNoScopeCoversIsNotOffered() {
        ObjectNode serviceDoc = (ObjectNode) doc("{'paths':{}}");
        ((ObjectNode) serviceDoc.get("paths")).putObject("/api/candidate/assessment").set("get", operation("['CANDIDATE','PLATFORM']"));

        ObjectNode merged = OpenApiMerger.merge("t", "v1", List.of(ServiceDocument.available(ASSESSMENT, serviceDoc)), null);

        JsonNode candidate = merged.at("/paths/~1api~1v1~1candidate~1assessment/get");
        assertThat(candidate.get("x-roles").toString()).as("the gateway refuses every key here").isEqualTo("[\"CANDIDATE\"]");
        assertThat(candidate.has("x-required-scope")).isFalse();
        assertThat(candidate.at("/responses/403/description").asString())
                .isEqualTo("Needs the candidate's token (POST /api/v1/auth/candidate); API keys cannot call this operation.");
    }

    @Test
    void theGatewaysOwnAdminOperationsNameTheirRole() {
        JsonNode gatewayDoc = doc("{'paths':{'/api/v1/api-keys':{'get':{'x-roles':['ADMIN'],'responses':{'200':{'description':'OK'}}}}}}");

        ObjectNode merged = OpenApiMerger.merge("t", "v1", List.of(), gatewayDoc);

        JsonNode keys = merged.at("/paths/~1api~1v1~1api-keys/get");
        assertThat(keys.get("x-roles").toString()).isEqualTo("[\"ADMIN\"]");
        assertThat(keys.at("/responses/403/description").asString()).startsWith("Needs a signed-in user with the ADMIN role");
        assertThat(merged.at("/info/description").asString()).contains("x-roles").contains("x-required-scope");
    }

    @Test
    void onlyTheCandidatesRenewalAmongTheSignInEndpointsNeedsAToken() {
        assertThat(OpenApiAggregator.isAnonymous("/api/v1/auth/login")).isTrue();
        assertThat(OpenApiAggregator.isAnonymous("/api/v1/auth/candidate")).isTrue();
        assertThat(OpenApiAggregator.isAnonymous("/api/v1/auth/candidate/renew")).isFalse();
        assertThat(OpenApiAggregator.isAnonymous("/api/v1/api-keys")).isFalse();
    }

    @Test
    void aRoutesPathPredicatesAreReadFromItsDefinition() {
        RouteDefinition route = new RouteDefinition();
        route.setId("question-service");
        route.setPredicates(List.of(new PredicateDefinition("Path=/api/v1/questions/**,/api/v1/tests/**")));

        ServiceRoute serviceRoute = OpenApiAggregator.serviceRoute(route);

        assertThat(serviceRoute.publicPatterns()).containsExactly("/api/v1/questions/**", "/api/v1/tests/**");
        assertThat(serviceRoute.routes("/api/v1/tests")).isTrue();
        assertThat(serviceRoute.routes("/api/v1/results/x")).isFalse();
    }
}
