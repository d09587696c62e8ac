package io.hirepipe.gateway.routing;

import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The public path patterns a route's Path predicates name: the paths that actually reach its service. */
public final class RoutedPaths {

    private RoutedPaths() {
    }

    public static List<String> of(RouteDefinition route) {
        List<String> patterns = new ArrayList<>();
        for (PredicateDefinition predicate : route.getPredicates()) {
            if ("Path".equals(predicate.getName())) {
                predicate.getArgs().values().forEach(value ->
                        Arrays.stream(value.split(",")).map(String::trim).filter(p -> !p.isEmpty()).forEach(patterns::add));
            }
        }
        return patterns;
    }
}
