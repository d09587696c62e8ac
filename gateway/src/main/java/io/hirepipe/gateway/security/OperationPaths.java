package io.hirepipe.gateway.security;

import io.hirepipe.gateway.routing.RoutedPaths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.stream.Stream;

/**
 * The paths something answers at: the routes' Path patterns and the gateway's own request mappings. It lets a refused
 * API key tell a path that names no operation (a typo) from one keys may not call. It only words a refusal, never
 * grants one, so a pattern missing here cannot open anything.
 */
final class OperationPaths {

    private final GatewayProperties gateway;
    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;
    // Read on first use: the handler mappings are complete only once the context has started.
    private volatile List<PathPattern> patterns;

    OperationPaths(GatewayProperties gateway, ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.gateway = gateway;
        this.mappings = mappings;
    }

    boolean anyAt(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return patterns().stream().anyMatch(pattern -> pattern.matches(container));
    }

    private List<PathPattern> patterns() {
        List<PathPattern> known = patterns;
        if (known == null) {
            Stream<PathPattern> routed = gateway.getRoutes().stream()
                    .flatMap(route -> RoutedPaths.of(route).stream())
                    .map(PathPatternParser.defaultInstance::parse);
            Stream<PathPattern> own = mappings.orderedStream()
                    .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                    .flatMap(info -> info.getPatternsCondition().getPatterns().stream());
            known = Stream.concat(routed, own).toList();
            patterns = known;
        }
        return known;
    }
}
