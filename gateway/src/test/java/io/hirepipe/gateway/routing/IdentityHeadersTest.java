package io.hirepipe.gateway.routing;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityHeadersTest {

    @Test
    void stripsEveryWayAClientCouldClaimAnIdentityAndKeepsTheRest() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Authorization", "Bearer client");
        headers.set("proxy-authorization", "Basic x");
        headers.set("X-API-KEY", "hp_x");
        headers.set("Cookie", "session=1");
        headers.set("X-Hirepipe-Tenant", "t-other");
        headers.set("x-hirepipe-caller-kind", "SERVICE");
        headers.set("X-Tenant-Id", "t-other");
        headers.set("X-User-Email", "admin@x.test");
        headers.set("X-Forwarded-User", "admin");
        headers.set("X-Auth-Request-User", "admin");
        headers.set("Accept", "application/json");
        headers.set("X-Correlation-Id", "abc");
        headers.set("X-Request-Purpose", "kept");
        headers.set("X-Forwarded-For", "10.0.0.1");

        HttpHeaders kept = IdentityHeaders.withoutIdentity(headers);

        assertThat(kept.headerNames()).containsExactlyInAnyOrder(
                "Accept", "X-Correlation-Id", "X-Request-Purpose", "X-Forwarded-For");
    }
}
