package io.hirepipe.notification.access;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.notification.NotificationServiceTest;
import io.hirepipe.testkit.EndpointAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every endpoint group of notification-service, called as every role of a tenant's people. */
class RoleAccessTest extends NotificationServiceTest {

    private final String tenant = "tenant-" + UUID.randomUUID();

    static List<EndpointAccess> endpoints() {
        return List.of(
                EndpointAccess.of("GET", "/api/notifications/emails", "VIEWER"),
                EndpointAccess.of("GET", "/api/notifications/webhooks", "ADMIN"),
                EndpointAccess.of("GET", "/api/notifications/webhooks/whk_unknown", "ADMIN"),
                EndpointAccess.of("GET", "/api/notifications/webhooks/whk_unknown/deliveries", "ADMIN"),
                EndpointAccess.of("POST", "/api/notifications/webhooks", Map.of("url", "https://hooks.example.org/x",
                        "eventTypes", List.of("AssessmentScored")), "ADMIN"),
                EndpointAccess.of("DELETE", "/api/notifications/webhooks/whk_unknown", "ADMIN"),
                EndpointAccess.of("POST", "/api/notifications/webhooks/whk_unknown/rotate-secret", "ADMIN"),
                EndpointAccess.of("POST", "/api/internal/account-emails", Map.of("tenantId", "t", "to", "a@example.com",
                        "kind", "USER_INVITE", "link", "https://hirepipe.example/s",
                        "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()), "NOBODY"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void eachRoleGetsWhatItMay(EndpointAccess endpoint) {
        endpoint.checkEveryRole(role -> api(Caller.user(tenant, "user-" + role, null, Role.valueOf(role))));
    }
}
