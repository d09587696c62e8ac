package io.hirepipe.gateway.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A tenant and recruiter to ensure at start-up (the local stack's demo tenant). Nothing happens
 * unless {@code tenantId} is set.
 */
@ConfigurationProperties("hirepipe.bootstrap")
public record BootstrapProperties(String tenantId, String tenantName, String recruiterEmail,
                                  String recruiterPassword) {

    public boolean enabled() {
        return tenantId != null && !tenantId.isBlank();
    }
}
