package io.hirepipe.notification.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Where an email sends the recruiter to act on what it reports: the recruiter console, at the gateway's public
 * address. A recruiter who is signed out signs in there first and then lands on the same page.
 */
@Component
public class ConsoleLinks {

    private final String console;

    public ConsoleLinks(PublicAddress address) {
        this.console = address.publicUrl().toString().replaceAll("/+$", "") + "/console";
    }

    /** The console's page of one result: its evidence, its review items and the forms that adjust or finalise it. */
    public String result(String sessionId) {
        return console + "#/results/" + UriUtils.encodePathSegment(sessionId, StandardCharsets.UTF_8);
    }

    /** @param publicUrl the gateway's public address, the start of every link people are sent */
    @ConfigurationProperties("hirepipe")
    public record PublicAddress(URI publicUrl) {

        public PublicAddress {
            publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
        }
    }
}
