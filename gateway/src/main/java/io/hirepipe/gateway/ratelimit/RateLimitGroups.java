package io.hirepipe.gateway.ratelimit;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which budget a request draws on. Matched on method and path (not on route ids) so the gateway's
 * own endpoints, such as login, fall into groups too, and so do versioned and legacy paths alike.
 */
final class RateLimitGroups {

    record Group(String name, RateLimitProperties.Group budget, Set<HttpMethod> methods, List<PathPattern> paths) {

        boolean matches(HttpMethod method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method))
                    && (paths.isEmpty() || paths.stream().anyMatch(pattern -> pattern.matches(path)));
        }
    }

    private final List<Group> inOrder;

    RateLimitGroups(RateLimitProperties properties) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.inOrder = properties.groups().entrySet().stream()
                .filter(entry -> entry.getValue().matchRequests())
                .map(entry -> new Group(entry.getKey(), entry.getValue(),
                        entry.getValue().methods().stream()
                                .map(method -> HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)))
                                .collect(Collectors.toUnmodifiableSet()),
                        entry.getValue().paths().stream().map(parser::parse).toList()))
                .sorted(Comparator.comparingInt((Group group) -> group.budget().order()).thenComparing(Group::name))
                .toList();
    }

    Optional<Group> of(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (Group group : inOrder) {
            if (group.matches(method, path)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    List<Group> all() {
        return inOrder;
    }
}
