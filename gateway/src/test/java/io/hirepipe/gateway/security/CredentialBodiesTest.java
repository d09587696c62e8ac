package io.hirepipe.gateway.security;

import io.hirepipe.defaults.security.Role;
import io.hirepipe.gateway.apikey.ApiKeyController.CreatedApiKey;
import io.hirepipe.gateway.audit.AuditController.AuditEntryView;
import io.hirepipe.gateway.auth.BrowserSessionController.SessionView;
import io.hirepipe.gateway.users.PasswordController.ResetRequest;
import io.hirepipe.gateway.users.TeamController.InviteRequest;
import io.hirepipe.gateway.users.TeamController.UserList;
import io.hirepipe.gateway.users.TeamController.UserView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies the gateway reads or answers with print no credential and no person's email: Spring's codecs log bodies by
 * {@code toString()} at DEBUG, which an operator turns on in an incident, and a record's own would print every
 * component.
 */
class CredentialBodiesTest {

    @Test
    void aNewApiKeyPrintsItsIdAndPrefixButNotTheKey() {
        CreatedApiKey created = new CreatedApiKey("key_5Tq8Wm2Kd7Lp3Rx", "Greenhouse integration",
                "hp_3kZq_Xc8Lm2Wp7Kd4Rt9Vb3Nc", "hp_3kZq", List.of("invitations:write"), Instant.EPOCH);

        assertThat(created.toString()).contains("key_5Tq8Wm2Kd7Lp3Rx", "hp_3kZq").doesNotContain("Xc8Lm2Wp7Kd4Rt9Vb3Nc");
    }

    @Test
    void anIssuedTokenPrintsWhenItExpiresButNotTheToken() {
        IssuedToken token = new IssuedToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3IifQ.c2lnbmF0dXJl",
                Instant.parse("2026-12-06T05:00:00Z"));

        assertThat(token.toString()).contains("2026-12-06T05:00:00Z").doesNotContain("eyJ");
    }

    private static final String EMAIL = "nina.newhire@example.com";

    @Test
    void teamBodiesPrintIdsAndRolesButNoEmail() {
        UserView user = new UserView("usr_9Lm2Xq7Wp4Kd8Rt", EMAIL, Role.RECRUITER, "ACTIVE", Instant.EPOCH);

        assertThat(new InviteRequest(EMAIL, Role.RECRUITER).toString()).contains("RECRUITER").doesNotContain(EMAIL);
        assertThat(user.toString()).contains("usr_9Lm2Xq7Wp4Kd8Rt", "ACTIVE").doesNotContain(EMAIL);
        assertThat(new UserList(List.of(user)).toString()).doesNotContain(EMAIL);
        assertThat(new ResetRequest(EMAIL).toString()).doesNotContain(EMAIL);
    }

    @Test
    void aBrowserSessionPrintsItsTenantButNeitherEmailNorCsrfToken() {
        SessionView session = new SessionView(EMAIL, "acme", Instant.EPOCH, "c5Xq8Lm2Wp7Kd4Rt9Vb3Nc", Role.ADMIN);

        assertThat(session.toString()).contains("acme", "ADMIN").doesNotContain(EMAIL, "c5Xq8Lm2Wp7Kd4Rt9Vb3Nc");
    }

    @Test
    void anAuditEntryPrintsWhatHappenedButNotWhoByEmailNorTheDetails() {
        AuditEntryView entry = new AuditEntryView("aud_2Xq8Lm5Rt7Wp4Kd", Instant.EPOCH, "user.invited", "SUCCESS",
                "usr_9Lm2Xq7Wp4Kd8Rt", "USER", "rita.recruiter@acme.example", "user", "usr_1", "corr-1",
                Map.of("email", EMAIL));

        assertThat(entry.toString()).contains("aud_2Xq8Lm5Rt7Wp4Kd", "user.invited")
                .doesNotContain("rita.recruiter@acme.example", EMAIL);
    }
}
