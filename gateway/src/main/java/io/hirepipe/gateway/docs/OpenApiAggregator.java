package io.hirepipe.gateway.docs;

import io.hirepipe.gateway.docs.OpenApiMerger.ServiceDocument;
import io.hirepipe.gateway.docs.OpenApiMerger.ServiceRoute;
import io.hirepipe.gateway.routing.RoutedPaths;
import io.hirepipe.gateway.routing.ServiceCalls;
import io.hirepipe.gateway.versioning.PublicApi;
import org.springframework.beans.factory.annotation.Value;
import org.springdoc.webflux.api.OpenApiWebfluxResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches each routed service's springdoc document and merges them with springdoc's description of the
 * gateway's own endpoints (see {@link OpenApiMerger}). The result is cached briefly: the document changes only
 * with a deployment, and a burst of Swagger UI loads must not fan out to every service.
 * A service's docs path needs no token (it holds no secrets, see service-defaults security).
 */
@Component
public class OpenApiAggregator {

    private final GatewayProperties gateway;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String docsPath;
    private final Duration cacheFor;
    private final Duration timeout;
    private final ServiceCalls serviceCalls;
    private final ObjectProvider<OpenApiWebfluxResource> springdoc;
    private final String gatewayDocsPath;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    private record Cached(ObjectNode document, Instant until) {
    }

    public OpenApiAggregator(GatewayProperties gateway, ObjectProvider<OpenApiWebfluxResource> springdoc,
                             ObjectMapper mapper, Clock clock, ServiceCalls serviceCalls,
                             @Value("${springdoc.api-docs.path:/api/docs/gateway}") String gatewayDocsPath,
                             @Value("${hirepipe.gateway.docs.service-docs-path:/v3/api-docs}") String docsPath,
                             @Value("${hirepipe.gateway.docs.cache-for:30s}") Duration cacheFor,
                             @Value("${hirepipe.gateway.docs.fetch-timeout:3s}") Duration timeout) {
        this.gateway = gateway;
        this.springdoc = springdoc;
        this.gatewayDocsPath = gatewayDocsPath;
        this.mapper = mapper;
        this.clock = clock;
        this.serviceCalls = serviceCalls;
        this.docsPath = docsPath;
        this.cacheFor = cacheFor;
        this.timeout = timeout;
    }

    public Mono<ObjectNode> document(ServerHttpRequest request) {
        Cached cached = cache.get();
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return Mono.just(cached.document());
        }
        return Flux.fromIterable(gateway.getRoutes())
                .concatMap(this::fetch)
                .collectList()
                .zipWith(gatewayDocument(request).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(fetched -> {
                    List<ServiceDocument> services = fetched.getT1();
                    ObjectNode merged = OpenApiMerger.merge("Hirepipe API", "v1", services, fetched.getT2().orElse(null));
                    // An incomplete document is cached for a shorter time, so a restarted service shows up soon.
                    Duration ttl = merged.has("x-unavailable") ? cacheFor.dividedBy(6) : cacheFor;
                    cache.set(new Cached(merged, clock.instant().plus(ttl)));
                    return merged;
                });
    }

    private Mono<ServiceDocument> fetch(RouteDefinition route) {
        ServiceRoute serviceRoute = serviceRoute(route);
        URI uri = route.getUri().resolve(docsPath);
        return serviceCalls.builderFor(uri).build().get().uri(ServiceCalls.resolvable(uri)).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(timeout)
                .map(body -> ServiceDocument.available(serviceRoute, mapper.readTree(body)))
                .onErrorResume(failure -> Mono.just(ServiceDocument.unavailable(serviceRoute,
                        "The service's API description could not be fetched (" + failure.getClass().getSimpleName() + ").")));
    }

    /** The route's Path predicate patterns: the public paths that actually reach the service. */
    static ServiceRoute serviceRoute(RouteDefinition route) {
        return new ServiceRoute(route.getId(), RoutedPaths.of(route));
    }

    /**
     * Sign-in and the candidate's token exchange are called without credentials (EdgeSecurityConfiguration
     * permits {@code /api/v1/auth/**} except the candidate's renewal).
     */
    static boolean isAnonymous(String path) {
        return path.startsWith(PublicApi.AUTH + "/") && !path.equals(PublicApi.AUTH + "/candidate/renew");
    }

    /**
     * springdoc's description of the gateway's own endpoints (its controllers' annotations, as in the services).
     * springdoc builds it for the request that asks, as it would at {@code springdoc.api-docs.path}.
     */
    private Mono<JsonNode> gatewayDocument(ServerHttpRequest request) {
        OpenApiWebfluxResource resource = springdoc.getIfAvailable();
        if (resource == null) {
            return Mono.empty();
        }
        try {
            return resource.openapiJson(request, gatewayDocsPath, Locale.ROOT).map(bytes -> (JsonNode) mapper.readTree(bytes));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Mono.error(e);
        }
    }
}
