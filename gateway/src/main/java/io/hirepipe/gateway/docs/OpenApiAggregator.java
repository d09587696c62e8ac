package io.hirepipe.gateway.docs;

import io.hirepipe.gateway.docs.OpenApiMerger.GatewayOperation;
import io.hirepipe.gateway.docs.OpenApiMerger.ServiceDocument;
import io.hirepipe.gateway.docs.OpenApiMerger.ServiceRoute;
import io.hirepipe.gateway.routing.ServiceCalls;
import io.hirepipe.gateway.versioning.PublicApi;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches each routed service's springdoc document and merges them with the gateway's own
 * endpoints (see {@link OpenApiMerger}). The result is cached briefly: the document changes only
 * with a deployment, and a burst of Swagger UI loads must not fan out to every service.
 * A service's docs path needs no token (it holds no secrets, see service-defaults security).
 */
@Component
public class OpenApiAggregator {

    private final GatewayProperties gateway;
    private final RequestMappingHandlerMapping handlerMapping;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String docsPath;
    private final Duration cacheFor;
    private final Duration timeout;
    private final ServiceCalls serviceCalls;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    private record Cached(ObjectNode document, Instant until) {
    }

    public OpenApiAggregator(GatewayProperties gateway,
                             @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping,
                             ObjectMapper mapper, Clock clock, ServiceCalls serviceCalls,
                             @Value("${hirepipe.gateway.docs.service-docs-path:/v3/api-docs}") String docsPath,
                             @Value("${hirepipe.gateway.docs.cache-for:30s}") Duration cacheFor,
                             @Value("${hirepipe.gateway.docs.fetch-timeout:3s}") Duration timeout) {
        this.gateway = gateway;
        this.handlerMapping = handlerMapping;
        this.mapper = mapper;
        this.clock = clock;
        this.serviceCalls = serviceCalls;
        this.docsPath = docsPath;
        this.cacheFor = cacheFor;
        this.timeout = timeout;
    }

    public Mono<ObjectNode> document() {
        Cached cached = cache.get();
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return Mono.just(cached.document());
        }
        return Flux.fromIterable(gateway.getRoutes())
                .concatMap(this::fetch)
                .collectList()
                .map(services -> {
                    ObjectNode merged = OpenApiMerger.merge("Hirepipe API", "v1", services, gatewayOperations());
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
        List<String> patterns = new ArrayList<>();
        for (PredicateDefinition predicate : route.getPredicates()) {
            if ("Path".equals(predicate.getName())) {
                predicate.getArgs().values().forEach(value ->
                        Arrays.stream(value.split(",")).map(String::trim).filter(p -> !p.isEmpty()).forEach(patterns::add));
            }
        }
        return new ServiceRoute(route.getId(), patterns);
    }

    /**
     * Sign-in and the candidate's token exchange are called without credentials (EdgeSecurityConfiguration
     * permits {@code /api/v1/auth/**} except the candidate's renewal).
     */
    static boolean isAnonymous(String path) {
        return path.startsWith(PublicApi.AUTH + "/") && !path.equals(PublicApi.AUTH + "/candidate/renew");
    }

    /** A request record's schema from its components, with an example built from their names: cheap and never stale. */
    static ObjectNode bodySchema(Class<?> type) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        if (!type.isRecord()) {
            return schema;
        }
        ObjectNode properties = schema.putObject("properties");
        ObjectNode example = schema.putObject("example");
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> componentType = component.getType();
            String name = component.getName();
            ObjectNode property = properties.putObject(name);
            if (componentType == String.class) {
                property.put("type", "string");
                example.put(name, name.toLowerCase(Locale.ROOT).contains("email") ? "recruiter@example.com" : "<" + name + ">");
            } else if (Number.class.isAssignableFrom(componentType) || componentType == int.class || componentType == long.class) {
                property.put("type", "integer");
                example.put(name, 1);
            } else if (componentType == boolean.class || componentType == Boolean.class) {
                property.put("type", "boolean");
                example.put(name, true);
            } else if (Collection.class.isAssignableFrom(componentType)) {
                property.put("type", "array");
                example.putArray(name);
            } else {
                property.put("type", "object");
            }
        }
        return schema;
    }

    /** The gateway's own public controllers (under /api/v1), read from its handler mappings, not listed by hand. */
    List<GatewayOperation> gatewayOperations() {
        List<GatewayOperation> operations = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            if (handler.getBeanType().equals(OpenApiController.class)) {
                continue;
            }
            JsonNode requestBody = Arrays.stream(handler.getMethodParameters())
                    .filter((MethodParameter parameter) -> parameter.hasParameterAnnotation(RequestBody.class))
                    .findFirst()
                    .map(parameter -> (JsonNode) bodySchema(parameter.getParameterType()))
                    .orElse(null);
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                String path = pattern.getPatternString();
                if (!path.startsWith(PublicApi.V1 + "/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    operations.add(new GatewayOperation(path, method.name(),
                            handler.getMethod().getName() + (methods.size() > 1 ? method.name() : ""), requestBody,
                            isAnonymous(path)));
                }
            }
        }
        operations.sort(Comparator.comparing(GatewayOperation::path).thenComparing(GatewayOperation::method));
        return operations;
    }
}
