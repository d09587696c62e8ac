package io.hirepipe.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes are matched before the gateway's own controllers and the probes on the main port (/livez, /readyz)
 * (spring.cloud.gateway.server.webflux.handler-mapping.order), which is safe only while none of their paths lies
 * under a route's paths: such an endpoint would be proxied instead.
 */
class RouteOrderTest extends GatewayTestSupport {

    @Autowired
    GatewayProperties gateway;

    /** The controllers' mapping and the probes' (Spring Boot's additional health paths). */
    @Autowired
    List<RequestMappingInfoHandlerMapping> endpointMappings;

    @Test
    void noGatewayEndpointLiesUnderARoutesPaths() {
        List<PathPattern> routed = gateway.getRoutes().stream()
                .flatMap(route -> route.getPredicates().stream())
                .filter(predicate -> predicate.getName().equals("Path"))
                .flatMap(predicate -> predicate.getArgs().values().stream())
                .flatMap(paths -> List.of(paths.split(",")).stream())
                .map(path -> PathPatternParser.defaultInstance.parse(path.trim()))
                .toList();
        List<String> endpoints = endpointMappings.stream()
                .flatMap(mappings -> mappings.getHandlerMethods().keySet().stream())
                .flatMap(mapping -> mapping.getPatternsCondition().getPatterns().stream())
                .map(PathPattern::getPatternString)
                .toList();

        assertThat(routed).as("the routes' paths").hasSizeGreaterThan(5);
        assertThat(endpoints).as("the gateway's own endpoints").contains("/api/v1/auth/login", "/api/v1/users", "/readyz");
        assertThat(endpoints).allSatisfy(endpoint -> assertThat(routed)
                .as(endpoint + " would be proxied, not answered by the gateway")
                .noneMatch(route -> route.matches(PathContainer.parsePath(endpoint.replaceAll("\\{[^}]*}", "x")))));
    }

    @Test
    void theGatewaysOwnEndpointsStillAnswerAndUnroutedPathsAreNotFound() {
        assertThat(get("/.well-known/hirepipe/internal-jwks.json").statusCode()).isEqualTo(200);
        assertThat(get("/readyz").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/nowhere", "Authorization", bearer(acmeRecruiterToken())).statusCode()).isEqualTo(404);
    }
}
