package io.hirepipe.notification.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Locale;

/** @param callbackHosts the only hosts a Greenhouse completion PATCH may go to (exact names) */
@ConfigurationProperties("hirepipe.partners.greenhouse")
record GreenhouseCallbackProperties(List<String> callbackHosts) {

    GreenhouseCallbackProperties {
        callbackHosts = callbackHosts == null ? List.of()
                : callbackHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    boolean allows(String host) {
        return host != null && callbackHosts.contains(host.toLowerCase(Locale.ROOT));
    }
}
