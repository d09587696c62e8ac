package io.hirepipe.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * Base URLs of the services behind the gateway; the routes in application.yml and the gateway's
 * own calls (invitation redeem) both read them from here.
 */
@ConfigurationProperties("hirepipe.gateway.services")
public record DownstreamServices(URI questionService, URI assessmentService, URI scoringService,
                                 URI notificationService) {
}
