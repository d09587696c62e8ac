package io.hirepipe.gateway;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.gateway.identity.BootstrapProperties;
import io.hirepipe.testkit.AtOnce;
import io.hirepipe.testkit.EndpointAccess;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.OpenApiAssertions;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tenant's people: an admin invites by email, the invited person sets a password from the emailed link,
 * roles change, and deactivation ends every sign-in at once. notification-service is a real HTTP stub here
 * (its side is tested in notification-service); MongoDB is the test kit's.
 */
class UsersTest extends GatewayTestSupport {

    static final StubService NOTIFICATIONS = StubService.start("notification-service");

    @Autowired
    MeterRegistry meters;
    private static final String EMAILS = "/api/internal/account-emails";
    private static final String COOKIE = "__Host-hirepipe-session";
    private static final String GOOD_PASSWORD = "plum tulip harbour 42";

    static {
        takeEveryEmail();
    }

    private static void takeEveryEmail() {
        NOTIFICATIONS.reply(EMAILS, r -> StubService.Reply.json(202, "{\"status\":\"SENT\"}"));
    }

    @DynamicPropertySource
    static void notificationServiceUp(DynamicPropertyRegistry registry) {
        // Only account emails go to this stub: the rest of the shared set-up expects notification-service down.
        registry.add("hirepipe.gateway.users.email-service", () -> NOTIFICATIONS.uri().toString());
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
    }

    private HttpResponse<String> patchJson(String path, String body, String... headers) {
        return send(request(path).headers(headersOrNone(headers)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> invite(String adminToken, String email, String role) {
        return postJson("/api/v1/users", "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}",
                "Authorization", bearer(adminToken));
    }

    /** The link the last account email to {@code email} carried, as notification-service received it. */
    private JsonNode lastEmailTo(String email) {
        return NOTIFICATIONS.requestsTo(EMAILS).stream().map(r -> JSON.readTree(r.body()))
                .filter(body -> body.path("to").asString().equals(email))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no account email to " + email));
    }

    private static String tokenOf(JsonNode email) {
        String link = email.path("link").asString();
        return link.substring(link.indexOf("?token=") + "?token=".length());
    }

    private HttpResponse<String> setPassword(String token, String password) {
        return postJson("/api/v1/auth/password/set", JSON.writeValueAsString(java.util.Map.of("token", token,
                "password", password)));
    }

    /** An invited person who set their password; returns their id. */
    private String member(String adminToken, String email, String role) {
        HttpResponse<String> invited = invite(adminToken, email, role);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        assertThat(setPassword(tokenOf(lastEmailTo(email)), GOOD_PASSWORD).statusCode()).isEqualTo(204);
        return json(invited).get("id").asString();
    }

    private HttpResponse<String> login(String email) {
        return postJson("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + GOOD_PASSWORD + "\"}");
    }

    private String freshTenantAdmin(String tenant) {
        String email = "admin@" + tenant + ".test";
        bootstrap.bootstrap(new BootstrapProperties(tenant, tenant, email, GOOD_PASSWORD)).block(Duration.ofSeconds(30));
        return login(email, GOOD_PASSWORD);
    }

    @Test
    void anAdminInvitesAPersonWhoSetsAPasswordFromTheLinkOnceAndSignsInWithTheirRole() {
        String admin = acmeRecruiterToken();
        String email = unique("nina");

        HttpResponse<String> invited = invite(admin, email, "RECRUITER");

        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        JsonNode user = json(invited);
        assertThat(user.get("status").asString()).isEqualTo("INVITED");
        assertThat(user.get("role").asString()).isEqualTo("RECRUITER");
        assertThat(invited.headers().firstValue("Location")).hasValue("/api/v1/users/" + user.get("id").asString());
        JsonNode email1 = lastEmailTo(email);
        assertThat(email1.get("kind").asString()).isEqualTo("USER_INVITE");
        assertThat(email1.get("tenantId").asString()).isEqualTo(ACME);
        assertThat(email1.get("link").asString()).startsWith("http://localhost:8080/console#/set-password?token=");
        Caller sender = forwardedCaller(NOTIFICATIONS.lastRequestTo(EMAILS));
        assertThat(sender).isEqualTo(Caller.service(ACME, "gateway"));
        assertThat(json(get("/api/v1/users", "Authorization", bearer(admin))).get("items").values())
                .extracting(u -> u.get("email").asString()).contains(email);
        assertProblem(login(email), 401);

        String token = tokenOf(email1);
        assertThat(assertProblem(setPassword(token, "password1234"), 400).get("field").asString()).isEqualTo("password");
        assertThat(assertProblem(setPassword(token, "short"), 400).get("field").asString()).isEqualTo("password");
        assertThat(assertProblem(setPassword(token, email + "!"), 400).get("detail").asString())
                .contains("built from your email");
        assertThat(assertProblem(setPassword(token, email.toUpperCase() + "2026!"), 400).get("field").asString())
                .isEqualTo("password");
        assertThat(setPassword(token, GOOD_PASSWORD).statusCode()).isEqualTo(204);
        assertThat(assertProblem(setPassword(token, GOOD_PASSWORD + "!"), 400).get("field").asString()).isEqualTo("token");

        HttpResponse<String> signedIn = login(email);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String recruiter = json(signedIn).get("token").asString();
        assertThat(get("/api/v1/questions", "Authorization", bearer(recruiter)).statusCode()).isEqualTo(200);
        assertThat(forwardedCaller(QUESTIONS.lastRequestTo("/api/questions")).role()).isEqualTo(Role.RECRUITER);
        assertProblem(get("/api/v1/users", "Authorization", bearer(recruiter)), 403);
        assertProblem(invite(recruiter, unique("x"), "ADMIN"), 403);
        assertProblem(get("/api/v1/api-keys", "Authorization", bearer(recruiter)), 403);
    }

    @Test
    void eachRoleOnTheGatewaysOwnEndpoints() {
        String admin = acmeRecruiterToken();
        String recruiterEmail = unique("role-recruiter");
        String viewerEmail = unique("role-viewer");
        member(admin, recruiterEmail, "RECRUITER");
        member(admin, viewerEmail, "VIEWER");
        java.util.Map<String, String> tokens = java.util.Map.of("ADMIN", admin,
                "RECRUITER", json(login(recruiterEmail)).get("token").asString(),
                "VIEWER", json(login(viewerEmail)).get("token").asString());
        List<EndpointAccess> endpoints = List.of(
                EndpointAccess.of("GET", "/api/v1/users", "ADMIN"),
                EndpointAccess.of("POST", "/api/v1/users", java.util.Map.of("email", unique("by-role"), "role", "VIEWER"),
                        "ADMIN"),
                EndpointAccess.of("PATCH", "/api/v1/users/usr_unknown", java.util.Map.of("role", "VIEWER"), "ADMIN"),
                EndpointAccess.of("POST", "/api/v1/users/usr_unknown/deactivate", java.util.Map.of(), "ADMIN"),
                EndpointAccess.of("GET", "/api/v1/api-keys", "ADMIN"),
                EndpointAccess.of("POST", "/api/v1/api-keys", java.util.Map.of("name", "role check",
                        "scopes", List.of("questions:read")), "ADMIN"),
                EndpointAccess.of("GET", "/api/v1/audit", "ADMIN"),
                EndpointAccess.of("GET", "/api/v1/audit/export.csv", "ADMIN"),
                // The gateway lets every person through to the services, which check the role themselves (each
                // service's RoleAccessTest): a VIEWER's write reaches question-service, and is refused there.
                EndpointAccess.of("GET", "/api/v1/questions", "VIEWER"),
                EndpointAccess.of("POST", "/api/v1/questions", java.util.Map.of("title", "x"), "VIEWER"));

        for (EndpointAccess endpoint : endpoints) {
            endpoint.checkEveryRole(role -> HttpApi.at("http://localhost:" + port).withBearer(tokens.get(role)));
        }
        // the refusal says what is missing, so a recruiter knows whom to ask
        assertThat(HttpApi.at("http://localhost:" + port).withBearer(tokens.get("RECRUITER")).get("/api/v1/api-keys")
                .problem(403).path("detail").asString())
                .isEqualTo("This operation needs the ADMIN role; ask an administrator of your organisation.");
        assertThat(HttpApi.at("http://localhost:" + port).withBearer(tokens.get("VIEWER")).get("/api/v1/audit")
                .problem(403).path("detail").asString())
                .isEqualTo("This operation needs the ADMIN role; ask an administrator of your organisation.");
    }

    @Test
    void deactivationEndsAccessTokensRefreshTokensAndConsoleSessionsAtOnce() {
        String admin = acmeRecruiterToken();
        String email = unique("dave");
        String id = member(admin, email, "RECRUITER");
        JsonNode api = json(login(email));
        HttpResponse<String> console = postJson("/api/v1/auth/session",
                "{\"email\":\"" + email + "\",\"password\":\"" + GOOD_PASSWORD + "\"}");
        String cookie = COOKIE + "=" + HttpCookie.parse(console.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(COOKIE)).findFirst().orElseThrow()).get(0).getValue();
        assertThat(get("/api/v1/questions", "Authorization", bearer(api.get("token").asString())).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/questions", "Cookie", cookie).statusCode()).isEqualTo(200);
        // the console learns the role, to offer only what this person may do
        assertThat(json(console).get("role").asString()).isEqualTo("RECRUITER");
        assertThat(json(get("/api/v1/auth/session", "Cookie", cookie)).get("role").asString()).isEqualTo("RECRUITER");

        HttpResponse<String> deactivated = postJson("/api/v1/users/" + id + "/deactivate", "{}", "Authorization", bearer(admin));

        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
        assertThat(json(deactivated).get("status").asString()).isEqualTo("DEACTIVATED");
        assertProblem(get("/api/v1/questions", "Authorization", bearer(api.get("token").asString())), 401);
        assertProblem(get("/api/v1/questions", "Cookie", cookie), 401);
        assertProblem(postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"" + api.get("refreshToken").asString() + "\"}"), 401);
        assertProblem(login(email), 401);

        // the invitation, the deactivation and the refused sign-in after it are in the tenant's audit log (the
        // refusal's entry is written after its answer)
        JsonNode audit = await().atMost(Duration.ofSeconds(20)).until(
                () -> json(get("/api/v1/audit?targetId=" + id, "Authorization", bearer(admin))).get("items"),
                items -> items.findValuesAsString("outcome").contains("FAILURE"));
        assertThat(audit.findValuesAsString("action")).contains("user.invited", "user.deactivated", "auth.login");
        for (JsonNode entry : audit) {
            if (entry.get("action").asString().startsWith("user.")) {
                assertThat(entry.get("actorEmail").asString()).as("done by the admin").isNotEqualTo(email);
            }
        }
        assertThat(audit.findValuesAsString("outcome")).contains("FAILURE");
    }

    @Test
    void signingOutOfTheApiStopsItsAccessTokenAtOnceButNotOtherSignIns() {
        String email = unique("otto");
        member(acmeRecruiterToken(), email, "VIEWER");
        JsonNode first = json(login(email));
        JsonNode second = json(login(email));

        assertThat(postJson("/api/v1/auth/logout", "{\"refreshToken\":\"" + first.get("refreshToken").asString() + "\"}")
                .statusCode()).isEqualTo(204);

        assertProblem(get("/api/v1/questions", "Authorization", bearer(first.get("token").asString())), 401);
        assertThat(get("/api/v1/questions", "Authorization", bearer(second.get("token").asString())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRoleChangeAppliesToTheNextRequestAndTheLastAdminCannotBeRemoved() {
        String tenant = "t-users-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = freshTenantAdmin(tenant);
        String adminId = json(get("/api/v1/users", "Authorization", bearer(admin))).get("items").get(0).get("id").asString();

        JsonNode lastAdmin = assertProblem(patchJson("/api/v1/users/" + adminId, "{\"role\":\"VIEWER\"}", "Authorization",
                bearer(admin)), 409);
        assertThat(lastAdmin.get("type").asString()).endsWith("/last-admin");
        OpenApiAssertions.assertDocumentsRefusal(json(get("/api/docs/openapi.json")), "PATCH", "/api/v1/users/" + adminId,
                lastAdmin);
        assertProblem(postJson("/api/v1/users/" + adminId + "/deactivate", "{}", "Authorization", bearer(admin)), 409);
        assertProblem(patchJson("/api/v1/users/" + adminId, "{\"active\":false}", "Authorization", bearer(admin)), 409);

        String second = unique("second");
        String secondId = member(admin, second, "VIEWER");
        String secondToken = json(login(second)).get("token").asString();
        assertProblem(get("/api/v1/users", "Authorization", bearer(secondToken)), 403);
        HttpResponse<String> promoted = patchJson("/api/v1/users/" + secondId, "{\"role\":\"ADMIN\"}", "Authorization",
                bearer(admin));
        assertThat(json(promoted).get("role").asString()).isEqualTo("ADMIN");
        assertThat(get("/api/v1/users", "Authorization", bearer(secondToken)).statusCode())
                .as("the same access token, the new role").isEqualTo(200);

        HttpResponse<String> demoted = patchJson("/api/v1/users/" + adminId, "{\"role\":\"VIEWER\"}", "Authorization",
                bearer(secondToken));
        assertThat(demoted.statusCode()).as(demoted.body()).isEqualTo(200);
        assertProblem(get("/api/v1/users", "Authorization", bearer(admin)), 403);
        assertThat(get("/api/v1/results", "Authorization", bearer(admin)).statusCode()).isEqualTo(200);
        assertThat(forwardedCaller(SCORING.lastRequestTo("/api/results")).role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void invitingAnInvitedPersonAgainWithAnotherRoleGivesThemThatRole() {
        String admin = acmeRecruiterToken();
        String email = unique("mistaken");
        String id = json(invite(admin, email, "VIEWER")).get("id").asString();

        HttpResponse<String> again = invite(admin, email, "RECRUITER");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).get("role").asString()).as("the admin's latest word").isEqualTo("RECRUITER");
        assertThat(setPassword(tokenOf(lastEmailTo(email)), GOOD_PASSWORD).statusCode()).isEqualTo(204);
        String token = json(login(email)).get("token").asString();
        assertThat(get("/api/v1/questions", "Authorization", bearer(token)).statusCode()).isEqualTo(200);
        assertThat(forwardedCaller(QUESTIONS.lastRequestTo("/api/questions")).role()).isEqualTo(Role.RECRUITER);
        JsonNode entries = json(get("/api/v1/audit?targetId=" + id + "&action=user.invited", "Authorization",
                bearer(admin))).get("items");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("details").get("role").asString()).isEqualTo("RECRUITER");
        assertThat(entries.get(0).get("details").get("previousRole").asString()).isEqualTo("VIEWER");
    }

    /**
     * An admin double-clicking Invite: the second request, racing the first, is answered as it is when it comes
     * after (200, the same person, sent a fresh link), not 409 email-taken for the account the first made.
     */
    @Test
    void twoIdenticalInvitesAtOnceAreAnsweredAsOneAfterTheOther() throws Exception {
        String admin = acmeRecruiterToken();
        for (int round = 0; round < 10; round++) {
            String email = unique("double-click");
            List<HttpResponse<String>> answers = AtOnce.run(2, click -> () -> invite(admin, email, "RECRUITER"));

            assertThat(answers).as("round %d", round).extracting(HttpResponse::statusCode)
                    .containsExactlyInAnyOrder(201, 200);
            assertThat(answers.stream().map(answer -> json(answer).get("id").asString()).distinct())
                    .as("round %d: one person", round).hasSize(1);
        }
    }

    @Test
    void reactivatingSomeoneWhoNeverChoseAPasswordSendsThemAFreshLink() {
        String admin = acmeRecruiterToken();
        String email = unique("paused");
        String id = json(invite(admin, email, "VIEWER")).get("id").asString();
        String firstLink = tokenOf(lastEmailTo(email));
        assertThat(postJson("/api/v1/users/" + id + "/deactivate", "{}", "Authorization", bearer(admin)).statusCode())
                .isEqualTo(200);

        HttpResponse<String> reactivated = patchJson("/api/v1/users/" + id, "{\"active\":true}", "Authorization",
                bearer(admin));

        assertThat(json(reactivated).get("status").asString()).isEqualTo("INVITED");
        assertThat(setPassword(firstLink, GOOD_PASSWORD).statusCode()).as("deactivation voided it").isEqualTo(400);
        String freshLink = tokenOf(lastEmailTo(email));
        assertThat(freshLink).isNotEqualTo(firstLink);
        assertThat(setPassword(freshLink, GOOD_PASSWORD).statusCode()).isEqualTo(204);
        assertThat(login(email).statusCode()).isEqualTo(200);
    }

    @Test
    void theAuditLogNamesEachChangeAPatchMadeAndNothingForAPatchThatChangedNothing() {
        String admin = acmeRecruiterToken();
        String id = member(admin, unique("mixed"), "RECRUITER");

        assertThat(patchJson("/api/v1/users/" + id, "{\"role\":\"VIEWER\",\"active\":false}", "Authorization",
                bearer(admin)).statusCode()).isEqualTo(200);
        assertThat(patchJson("/api/v1/users/" + id, "{\"role\":\"VIEWER\",\"active\":true}", "Authorization",
                bearer(admin)).statusCode()).isEqualTo(200);
        assertThat(patchJson("/api/v1/users/" + id, "{\"role\":\"VIEWER\"}", "Authorization",
                bearer(admin)).statusCode()).isEqualTo(200);
        assertThat(postJson("/api/v1/users/" + id + "/deactivate", "{}", "Authorization", bearer(admin)).statusCode())
                .isEqualTo(200);
        assertThat(postJson("/api/v1/users/" + id + "/deactivate", "{}", "Authorization", bearer(admin)).statusCode())
                .isEqualTo(200);

        JsonNode entries = json(get("/api/v1/audit?targetId=" + id, "Authorization", bearer(admin))).get("items");
        List<String> actions = entries.findValuesAsString("action");
        // the first PATCH made two changes (two entries), the second one, the third none, the second deactivation none
        assertThat(actions).containsExactlyInAnyOrder("user.invited", "user.role-changed", "user.deactivated",
                "user.reactivated", "user.deactivated");
        assertThat(actions.get(0)).isEqualTo("user.deactivated");
        JsonNode roleChanged = entries.valueStream().filter(e -> e.get("action").asString().equals("user.role-changed"))
                .findFirst().orElseThrow().get("details");
        assertThat(roleChanged.get("previousRole").asString()).isEqualTo("RECRUITER");
        assertThat(roleChanged.get("role").asString()).isEqualTo("VIEWER");
    }

    @Test
    void anotherTenantsUsersAreUnknownAndAnEmailBelongsToOneAccount() {
        String email = unique("iris");
        String id = member(acmeRecruiterToken(), email, "VIEWER");
        String globex = globexRecruiterToken();

        assertProblem(get("/api/v1/users/" + id, "Authorization", bearer(globex)), 404);
        assertProblem(patchJson("/api/v1/users/" + id, "{\"role\":\"ADMIN\"}", "Authorization", bearer(globex)), 404);
        assertProblem(postJson("/api/v1/users/" + id + "/deactivate", "{}", "Authorization", bearer(globex)), 404);
        assertThat(assertProblem(invite(globex, email, "VIEWER"), 409).get("field").asString()).isEqualTo("email");
        assertThat(json(get("/api/v1/users", "Authorization", bearer(globex))).get("items").values())
                .extracting(u -> u.get("email").asString()).doesNotContain(email);
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        String admin = acmeRecruiterToken();

        assertThat(assertProblem(invite(admin, "not-an-email", "VIEWER"), 400).toString()).contains("email");
        // the value sent is not quoted back: it may be personal, and problems end up in logs
        assertThat(assertProblem(invite(admin, unique("r"), "nina@example.com"), 400).get("detail").asString())
                .isEqualTo("Field 'role' must be one of [ADMIN, RECRUITER, VIEWER].");
        assertThat(assertProblem(postJson("/api/v1/users", "{\"email\":\"" + unique("n") + "\"}", "Authorization",
                bearer(admin)), 400).toString()).contains("role");
        String id = json(get("/api/v1/users", "Authorization", bearer(admin))).get("items").get(0).get("id").asString();
        assertThat(assertProblem(patchJson("/api/v1/users/" + id, "{}", "Authorization", bearer(admin)), 400)
                .get("field").asString()).isEqualTo("role");
        assertThat(assertProblem(patchJson("/api/v1/users/" + id, "{\"active\":\"maybe\"}", "Authorization",
                bearer(admin)), 400).toString()).contains("active");
        assertProblem(setPassword("rt_nope", GOOD_PASSWORD), 400);
        assertProblem(postJson("/api/v1/auth/password/set", "{\"token\":\"x\"}"), 400);
        assertProblem(postJson("/api/v1/auth/password/reset-request", "{\"email\":\"nope\"}"), 400);
        assertProblem(get("/api/v1/users/usr_unknown", "Authorization", bearer(admin)), 404);
    }

    @Test
    void whenTheEmailCannotBeSentTheInviteIs503AndLeavesNoAccount() {
        String admin = acmeRecruiterToken();
        String email = unique("down");
        NOTIFICATIONS.reply(EMAILS, r -> StubService.Reply.problem(503, "{\"status\":503}"));
        try {
            assertProblem(invite(admin, email, "VIEWER"), 503);
        } finally {
            takeEveryEmail();
        }
        assertThat(json(get("/api/v1/users", "Authorization", bearer(admin))).get("items").values())
                .extracting(u -> u.get("email").asString()).doesNotContain(email);
        assertThat(setPassword(tokenOf(lastEmailTo(email)), GOOD_PASSWORD).statusCode())
                .as("the link of the failed attempt is void").isEqualTo(400);

        assertThat(invite(admin, email, "VIEWER").statusCode()).isEqualTo(201);
        assertThat(invite(admin, email, "VIEWER").statusCode()).as("invited again: a fresh link").isEqualTo(200);
        List<JsonNode> links = NOTIFICATIONS.requestsTo(EMAILS).stream().map(r -> JSON.readTree(r.body()))
                .filter(body -> body.path("to").asString().equals(email)).toList();
        assertThat(setPassword(tokenOf(links.get(links.size() - 2)), GOOD_PASSWORD).statusCode())
                .as("the older link is void").isEqualTo(400);
        assertThat(setPassword(tokenOf(links.get(links.size() - 1)), GOOD_PASSWORD).statusCode()).isEqualTo(204);
    }

    @Test
    void aResetRequestAlwaysAnswers202AndTheResetEndsEarlierSignIns() {
        String email = unique("rosa");
        member(acmeRecruiterToken(), email, "RECRUITER");
        JsonNode before = json(login(email));

        assertThat(postJson("/api/v1/auth/password/reset-request", "{\"email\":\"nobody-" + email + "\"}").statusCode())
                .isEqualTo(202);
        assertThat(postJson("/api/v1/auth/password/reset-request", "{\"email\":\"" + email.toUpperCase() + "\"}")
                .statusCode()).isEqualTo(202);

        // The link is sent after the answer: wait for this address's own, not for any email, since another
        // test's late one would otherwise leave the invitation as the last email to this address.
        JsonNode reset = await().atMost(Duration.ofSeconds(10)).until(() -> lastEmailTo(email),
                last -> last.get("kind").asString().equals("PASSWORD_RESET"));
        assertThat(NOTIFICATIONS.requestsTo(EMAILS).stream().map(r -> JSON.readTree(r.body()).path("to").asString()))
                .doesNotContain("nobody-" + email);
        String newPassword = "violet canal lantern 7";
        assertThat(setPassword(tokenOf(reset), newPassword).statusCode()).isEqualTo(204);

        assertProblem(get("/api/v1/questions", "Authorization", bearer(before.get("token").asString())), 401);
        assertProblem(postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"" + before.get("refreshToken").asString() + "\"}"), 401);
        assertProblem(login(email), 401);
        assertThat(login(email, newPassword)).isNotBlank();
    }

    @Test
    void resetEmailsToOneAddressStopAtItsBudgetAndTheAnswerStaysThatOfAnUnknownAddress() {
        String email = unique("flooded");
        member(acmeRecruiterToken(), email, "VIEWER");
        double limitedBefore = limitedResets();
        HttpResponse<String> unknown = postJson("/api/v1/auth/password/reset-request",
                "{\"email\":\"nobody-" + email + "\"}");

        // Far below the login group's budget per client address: only the address's own budget stops them.
        List<HttpResponse<String>> answers = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> postJson("/api/v1/auth/password/reset-request", "{\"email\":\"" + email + "\"}"))
                .toList();

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo(unknown.body());
            assertThat(answer.headers().firstValue("Content-Type")).isEqualTo(unknown.headers().firstValue("Content-Type"));
        }
        // The invitation and two resets: three emails an hour (hirepipe.gateway.users.email-budget), however many asked.
        await().atMost(Duration.ofSeconds(10)).until(() -> emailsTo(email).size() == 3);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> emailsTo(email).size() == 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> limitedResets() - limitedBefore >= 4);
        // The refused requests voided nothing, and the two resets sent took turns: the last email's link works,
        // the earlier one's is void.
        List<JsonNode> sent = emailsTo(email);
        assertThat(setPassword(tokenOf(sent.get(1)), "violet canal lantern 9").statusCode()).isEqualTo(400);
        assertThat(setPassword(tokenOf(sent.get(2)), "violet canal lantern 9").statusCode()).isEqualTo(204);
    }

    /**
     * "Forgot password" clicked twice: the second request comes while the first one's email is on its way, and
     * notification-service takes that email only after the second's. Whatever the order, the link in the email
     * taken last works (it used to be the first request's link, which the second had voided).
     */
    @Test
    void twoResetsAtOnceLeaveTheLinkInTheEmailTakenLastWorking() {
        String email = unique("double-reset");
        member(acmeRecruiterToken(), email, "VIEWER");
        List<JsonNode> taken = takeTheFirstEmailLast(email);
        try {
            assertThat(postJson("/api/v1/auth/password/reset-request", "{\"email\":\"" + email + "\"}").statusCode())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> emailsTo(email).size() == 2);
            assertThat(postJson("/api/v1/auth/password/reset-request", "{\"email\":\"" + email + "\"}").statusCode())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> taken.size() == 2);
        } finally {
            takeEveryEmail();
        }

        assertThat(setPassword(tokenOf(taken.get(1)), "violet canal lantern 8").statusCode())
                .as("the link in the email taken last").isEqualTo(204);
        assertThat(setPassword(tokenOf(taken.get(0)), "violet canal lantern 9").statusCode())
                .as("the earlier email's link").isEqualTo(400);
    }

    /**
     * Invite clicked twice: the second click comes while the first one's email is on its way. The person gets one
     * email, and its link works (they used to get two, the one taken last carrying a link the other click voided).
     */
    @Test
    void anInviteClickedTwiceSendsOneEmailWhoseLinkWorks() throws Exception {
        String admin = acmeRecruiterToken();
        String email = unique("double-invite");
        List<JsonNode> taken = takeTheFirstEmailLast(email);
        HttpResponse<String> first;
        HttpResponse<String> second;
        try {
            CompletableFuture<HttpResponse<String>> firstClick =
                    CompletableFuture.supplyAsync(() -> invite(admin, email, "RECRUITER"));
            await().atMost(Duration.ofSeconds(10)).until(() -> emailsTo(email).size() == 1);
            second = invite(admin, email, "RECRUITER");
            first = firstClick.get(10, TimeUnit.SECONDS);
        } finally {
            takeEveryEmail();
        }

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(taken).as("emails for the two clicks").hasSize(1);
        assertThat(setPassword(tokenOf(taken.get(0)), GOOD_PASSWORD).statusCode()).isEqualTo(204);
    }

    /**
     * Invite clicked twice while the email service falters: the first click's email fails, so its new account is
     * removed again, while the second click has already found that account and waits for its turn to send. Whatever
     * the second click answers, the team list and the emails must agree with it (the second click used to answer 200
     * and email a link to the account the first had just removed).
     */
    @Test
    void anInviteClickedTwiceWhoseFirstEmailFailsAnswersWhatTheTeamListShows() throws Exception {
        String admin = acmeRecruiterToken();
        String email = unique("faltering-invite");
        AtomicInteger arrived = new AtomicInteger();
        NOTIFICATIONS.reply(EMAILS, r -> {
            if (JSON.readTree(r.body()).path("to").asString().equals(email) && arrived.incrementAndGet() == 1) {
                try {
                    // long enough for the second click to find the new account and wait for the account's turn
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return StubService.Reply.problem(503, "{\"status\":503}");
            }
            return StubService.Reply.json(202, "{\"status\":\"SENT\"}");
        });
        HttpResponse<String> first;
        HttpResponse<String> second;
        try {
            CompletableFuture<HttpResponse<String>> firstClick =
                    CompletableFuture.supplyAsync(() -> invite(admin, email, "RECRUITER"));
            await().atMost(Duration.ofSeconds(10)).until(() -> arrived.get() == 1);
            second = invite(admin, email, "RECRUITER");
            first = firstClick.get(10, TimeUnit.SECONDS);
        } finally {
            takeEveryEmail();
        }

        assertProblem(first, 503);
        boolean listed = json(get("/api/v1/users", "Authorization", bearer(admin))).get("items").values().stream()
                .anyMatch(u -> u.get("email").asString().equals(email));
        if (second.statusCode() == 503) {
            assertThat(listed).as("both clicks failed: no account").isFalse();
            assertThat(emailsTo(email)).as("no second email after the failed one").hasSize(1);
        } else {
            assertThat(second.statusCode()).as(second.body()).isIn(200, 201);
            assertThat(listed).as("the person the second click answered with").isTrue();
            assertThat(setPassword(tokenOf(lastEmailTo(email)), GOOD_PASSWORD).statusCode())
                    .as("the link the second click emailed").isEqualTo(204);
        }
    }

    /**
     * notification-service stands in for a slow one here: the first email to {@code email} is held until a second
     * one to it arrives (or a second has passed), and is taken after it. Returns the emails in the order taken.
     */
    private static List<JsonNode> takeTheFirstEmailLast(String email) {
        List<JsonNode> taken = new CopyOnWriteArrayList<>();
        AtomicInteger arrived = new AtomicInteger();
        CountDownLatch secondTaken = new CountDownLatch(1);
        NOTIFICATIONS.reply(EMAILS, r -> {
            JsonNode body = JSON.readTree(r.body());
            if (body.path("to").asString().equals(email)) {
                if (arrived.incrementAndGet() == 1) {
                    try {
                        secondTaken.await(1, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    taken.add(body);
                } else {
                    taken.add(body);
                    secondTaken.countDown();
                }
            }
            return StubService.Reply.json(202, "{\"status\":\"SENT\"}");
        });
        return taken;
    }

    @Test
    void anInvitationSentAgainTooOftenIsA429AndItsLatestLinkStillWorks() {
        String admin = acmeRecruiterToken();
        String email = unique("reinvited");

        assertThat(invite(admin, email, "VIEWER").statusCode()).isEqualTo(201);
        assertThat(invite(admin, email, "VIEWER").statusCode()).isEqualTo(200);
        assertThat(invite(admin, email, "VIEWER").statusCode()).isEqualTo(200);
        HttpResponse<String> fourth = invite(admin, email, "VIEWER");

        JsonNode problem = assertProblem(fourth, 429);
        assertThat(problem.get("type").asString()).endsWith("/account-emails-limited");
        assertThat(fourth.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        assertThat(emailsTo(email)).hasSize(3);
        assertThat(setPassword(tokenOf(lastEmailTo(email)), GOOD_PASSWORD).statusCode()).isEqualTo(204);
    }

    private List<JsonNode> emailsTo(String email) {
        return NOTIFICATIONS.requestsTo(EMAILS).stream().map(r -> JSON.readTree(r.body()))
                .filter(body -> body.path("to").asString().equals(email)).toList();
    }

    private double limitedResets() {
        return meters.counter("hirepipe.gateway.account.emails.limited", "purpose", "RESET").count();
    }
}
