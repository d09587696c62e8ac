package io.hirepipe.assessment.partner.greenhouse;

import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the {@code url} Greenhouse gives in {@code send_test} may be called back later. Only
 * https, only a configured Greenhouse host, no credentials, no odd ports: anything else would let
 * a caller with a Greenhouse key make Hirepipe send requests wherever it likes. notification-service
 * checks the URL again, with its SSRF guard, right before each attempt.
 */
@Component
class CallbackUrlCheck {

    private static final int MAX_LENGTH = 2_000;

    private final GreenhouseProperties properties;

    CallbackUrlCheck(GreenhouseProperties properties) {
        this.properties = properties;
    }

    /** Why the URL is refused, or empty when it is acceptable. */
    Optional<String> refusal(String url) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean insecureAllowed = properties.allowInsecureCallbacks() && scheme.equals("http");
        if (!scheme.equals("https") && !insecureAllowed) {
            return Optional.of("must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!properties.callbackHosts().contains(host)) {
            return Optional.of("must be on a Greenhouse host (" + String.join(", ", properties.callbackHosts()) + ")");
        }
        if (uri.getPort() != -1 && uri.getPort() != 443 && !insecureAllowed) {
            return Optional.of("must use the default https port");
        }
        return Optional.empty();
    }
}
