package io.hirepipe.assessment.partner.greenhouse;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Locale;

/**
 * The Greenhouse Assessment partner adapter's settings.
 *
 * @param callbackHosts          the only hosts a {@code send_test} callback {@code url} may name (exact names)
 * @param allowInsecureCallbacks lets {@code http} callbacks through: tests and the local stack only
 * @param profileUrl             where {@code partner_profile_url} points; {@code {invitationId}} and
 *                               {@code {sessionId}} are replaced
 */
@ConfigurationProperties("hirepipe.greenhouse")
public record GreenhouseProperties(List<String> callbackHosts, boolean allowInsecureCallbacks, String profileUrl) {

    public GreenhouseProperties {
        callbackHosts = callbackHosts == null ? List.of()
                : callbackHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        if (profileUrl == null || profileUrl.isBlank()) {
            throw new IllegalArgumentException("hirepipe.greenhouse.profile-url is required");
        }
    }
}
