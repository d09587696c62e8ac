package io.hirepipe.assessment.invitation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The candidate's link. The token travels in the URL fragment, which browsers never send to a
 * server, so it does not end up in proxy or access logs; the web UI reads it from there.
 */
@Component
class AccessLinks {

    private final String publicUrl;

    AccessLinks(@Value("${hirepipe.public-url}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    String linkFor(AccessToken token) {
        return publicUrl + "/take#token=" + token.value();
    }
}
