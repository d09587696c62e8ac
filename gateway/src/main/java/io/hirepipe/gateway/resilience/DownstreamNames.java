package io.hirepipe.gateway.resilience;

import io.hirepipe.gateway.routing.DownstreamServices;
import org.springframework.cloud.gateway.route.Route;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The service a route leads to, which names its breaker, time limit and retry. Keyed by the
 * route's target rather than its id, so a versioned route and its legacy alias to the same service
 * share one breaker: it is the service that is healthy or not, not the path.
 */
final class DownstreamNames {

    private final Map<String, String> byAuthority;

    DownstreamNames(DownstreamServices services) {
        Map<String, String> names = new HashMap<>();
        // Two services at one address (a shared ingress) share the first one's name.
        names.putIfAbsent(authority(services.questionService()), "question-service");
        names.putIfAbsent(authority(services.assessmentService()), "assessment-service");
        names.putIfAbsent(authority(services.scoringService()), "scoring-service");
        names.putIfAbsent(authority(services.notificationService()), "notification-service");
        this.byAuthority = Map.copyOf(names);
    }

    String of(Route route) {
        String name = byAuthority.get(authority(route.getUri()));
        return name != null ? name : route.getId();
    }

    private static String authority(URI uri) {
        return uri == null ? "" : uri.getScheme() + "://" + uri.getAuthority();
    }
}
