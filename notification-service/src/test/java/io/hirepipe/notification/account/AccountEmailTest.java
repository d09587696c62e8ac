package io.hirepipe.notification.account;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalToken;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.embedded.ReceivedMail;
import io.hirepipe.embedded.SmtpSink;
import io.hirepipe.notification.NotificationServiceTest;
import io.hirepipe.notification.delivery.EmailDelivery;
import io.hirepipe.testkit.HttpApi;
import io.hirepipe.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import static io.hirepipe.notification.TestEvents.id;
import static io.hirepipe.notification.TestEvents.mailbox;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's account emails: sent through the delivery log, to the gateway only, the link never stored in clear. */
class AccountEmailTest extends NotificationServiceTest {

    private static final String PATH = "/api/internal/account-emails";

    private final SmtpSink smtp = TestInfrastructure.smtp();

    @Autowired
    InternalToken internalTokens;

    @Autowired
    MongoTemplate mongo;

    private Map<String, Object> request(String tenant, String to, String kind, String link) {
        Map<String, Object> body = new HashMap<>();
        body.put("tenantId", tenant);
        body.put("to", to);
        body.put("kind", kind);
        body.put("link", link);
        body.put("expiresAt", Instant.now().plus(Duration.ofDays(3)).toString());
        body.put("requestId", id("pwt"));
        return body;
    }

    @Test
    void anInvitedPersonGetsTheirSetPasswordLinkOnceAndTheLogKeepsNoLink() {
        String tenant = id("tenant");
        String person = mailbox("nina");
        String link = "https://hirepipe.example/console/set-password#token=pw_" + id("secret");
        Map<String, Object> body = request(tenant, person, "USER_INVITE", link);

        JsonNode accepted = api(Caller.service(tenant, "gateway")).post(PATH, body).expect(202);
        api(Caller.service(tenant, "gateway")).post(PATH, body).expect(202);

        assertThat(accepted.path("status").asString()).isEqualTo("SENT");
        ReceivedMail mail = smtp.awaitMessage(m -> m.isAddressedTo(person), Duration.ofSeconds(30));
        assertThat(mail.subject()).isEqualTo("You are invited to Hirepipe");
        assertThat(mail.textBody()).contains(link);
        assertThat(smtp.messages().stream().filter(m -> m.isAddressedTo(person))).as("a repeated request sends nothing").hasSize(1);
        JsonNode log = api(Caller.user(tenant, "u", null, Role.VIEWER)).get("/api/notifications/emails").expect(200);
        assertThat(log.get("items").values()).extracting(d -> d.path("kind").asString()).containsExactly("USER_INVITE");
        assertThat(mongo.getCollection(EmailDelivery.COLLECTION).find().into(new ArrayList<>()).toString())
                .doesNotContain("pw_");
    }

    @Test
    void aResetLinkGoesOutAsAResetEmail() {
        String tenant = id("tenant");
        String person = mailbox("rex");

        api(Caller.service(tenant, "gateway")).post(PATH,
                request(tenant, person, "PASSWORD_RESET", "https://hirepipe.example/console/set-password#token=x")).expect(202);

        assertThat(smtp.awaitMessage(m -> m.isAddressedTo(person), Duration.ofSeconds(30)).subject())
                .isEqualTo("Reset your Hirepipe password");
    }

    @Test
    void onlyTheGatewayAsAServiceOfThatTenantMaySend() {
        String tenant = id("tenant");
        Map<String, Object> body = request(tenant, mailbox("x"), "USER_INVITE", "https://hirepipe.example/s");

        api(Caller.user(tenant, "u", null, Role.ADMIN)).post(PATH, body).problem(403);
        api(Caller.platform(tenant, "key-1")).post(PATH, body).problem(403);
        api(null).post(PATH, body).problem(401);
        assertThat(HttpApi.at(api(null).baseUrl()).withBearer(internalTokens.issue(Caller.service(tenant, "scoring-service")))
                .post(PATH, body).problem(403).path("detail").asString())
                .as("another service, with the service-to-service token it can sign").contains("Only the gateway");
        assertThat(api(Caller.service(id("other"), "gateway")).post(PATH, body).problem(400).path("field").asString())
                .isEqualTo("tenantId");
    }

    @Test
    void badRequestsNameTheField() {
        String tenant = id("tenant");
        Caller gateway = Caller.service(tenant, "gateway");
        Map<String, String> cases = Map.of(
                "to", "not-an-email",
                "kind", "WELCOME",
                "link", "javascript:alert(1)",
                "expiresAt", "2001-01-01T00:00:00Z",
                "requestId", "../../x");
        cases.forEach((field, value) -> {
            Map<String, Object> body = request(tenant, mailbox("y"), "USER_INVITE", "https://hirepipe.example/s");
            body.put(field, value);
            JsonNode problem = api(gateway).post(PATH, body).problem(400);
            assertThat(problem.toString()).as(field).contains(field);
        });
    }
}
