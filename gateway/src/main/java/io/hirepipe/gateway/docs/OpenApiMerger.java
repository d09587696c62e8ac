package io.hirepipe.gateway.docs;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.CallerKind;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.defaults.web.AllowedRoles;
import io.hirepipe.defaults.web.ProblemResponsesCustomizer;
import io.hirepipe.defaults.security.ApiScope;
import io.hirepipe.gateway.security.ApiScopeAuthorization;
import io.hirepipe.gateway.versioning.PublicApi;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the one public OpenAPI document from the services' own documents. Pure (no I/O), so the
 * rewriting and merging are tested without a running service.
 * <ul>
 * <li>A service documents its internal path {@code /api/x}; the public path is {@code /api/v1/x}
 * (the reverse of the routes' RewritePath). Only paths one of the service's route predicates
 * matches are kept: what is not routed cannot be called, so it is not documented.</li>
 * <li>The scope an API key needs comes from {@link ApiScopeAuthorization#requiredScope}, the rule
 * the gateway enforces, so the document cannot drift from the check.</li>
 * <li>Who may call an operation comes from the service's {@code x-roles} (its {@code @PreAuthorize}, see
 * {@link AllowedRoles}): an operation only services may call is left out, and one no API key may call names no
 * scope and offers only the bearer token. An operation without {@code x-roles} is taken to let keys in, by scope.</li>
 * <li>A service whose document could not be fetched is listed under {@code x-unavailable} instead
 * of failing the whole document.</li>
 * </ul>
 */
public final class OpenApiMerger {

    /** The security scheme of the Greenhouse partner operations: HTTP Basic, the API key as user name. */
    static final String GREENHOUSE_BASIC = "greenhouseBasic";

    /** The problem statuses a client must be ready for on any operation (RFC 9457 problem+json). */
    static final List<Integer> PROBLEM_STATUSES = List.of(400, 401, 403, 404, 409, 413, 422, 429, 503);
    static final String PROBLEM_MEDIA_TYPE = ProblemResponsesCustomizer.PROBLEM_MEDIA_TYPE;
    static final String PROBLEM_SCHEMA = ProblemResponsesCustomizer.PROBLEM_SCHEMA;
    private static final String SCHEMA_REF = "#/components/schemas/";
    static final String GATEWAY = "gateway";
    static final String INTERNAL_PREFIX = "/api/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Swagger UI lists the tags in the document's {@code tags} order, so a reader meets the API as an integration
     * is built: sign in or get a key, write questions and tests, invite, then read results and receive webhooks.
     * A tag not named here follows in the order its first path comes.
     */
    static final List<String> TAG_ORDER = List.of("Sign-in", "API keys", "Questions",
            "Question import and export", "Tests", "Invitations", "Candidate session", "Results", "Item analysis",
            "Webhooks", "Emails", "Greenhouse", "Users", "Audit", "Privacy", "Operations");

    /** One route of the gateway: the service it leads to and its public Path predicate patterns. */
    public record ServiceRoute(String service, List<String> publicPatterns) {
        public ServiceRoute {
            publicPatterns = List.copyOf(publicPatterns);
        }

        boolean routes(String publicPath) {
            PathContainer path = PathContainer.parsePath(publicPath);
            return publicPatterns.stream()
                    .map(PathPatternParser.defaultInstance::parse)
                    .anyMatch(pattern -> pattern.matches(path));
        }
    }

    /** A service's fetched document, or null with the reason it is missing. */
    public record ServiceDocument(ServiceRoute route, JsonNode document, String unavailableReason) {
        public static ServiceDocument available(ServiceRoute route, JsonNode document) {
            return new ServiceDocument(route, document, null);
        }

        public static ServiceDocument unavailable(ServiceRoute route, String reason) {
            return new ServiceDocument(route, null, reason);
        }
    }

    private OpenApiMerger() {
    }

    /** The public path for a service's internal one, or empty when it is not under {@code /api/}. */
    static Optional<String> publicPath(String internalPath) {
        if (!internalPath.startsWith(INTERNAL_PREFIX) || internalPath.startsWith(PublicApi.V1 + "/")) {
            return Optional.empty();
        }
        return Optional.of(PublicApi.V1 + "/" + internalPath.substring(INTERNAL_PREFIX.length()));
    }

    /**
     * @param gatewayDocument springdoc's description of the gateway's own endpoints (already under their public
     *                        paths), or null when there is none
     */
    public static ObjectNode merge(String title, String version, List<ServiceDocument> services,
                                   JsonNode gatewayDocument) {
        ObjectNode root = NODES.objectNode();
        root.put("openapi", "3.1.0");
        ObjectNode info = root.putObject("info");
        info.put("title", title);
        info.put("version", version);
        info.put("description", "Public Hirepipe API at the gateway. Authenticate with a recruiter access token "
                + "(Authorization: Bearer) or a platform API key (X-Api-Key). An operation's x-roles names who may "
                + "call it: a signed-in user's role (VIEWER, RECRUITER, ADMIN; a higher role may do what a lower one "
                + "may), PLATFORM for an API key, CANDIDATE for a candidate's token. An API key needs the scope named "
                + "in the operation's x-required-scope; an operation without one cannot be called with a key. "
                + "Operations only Hirepipe's own services call are not listed. Errors are RFC 9457 problem+json.");
        ObjectNode paths = root.putObject("paths");
        ObjectNode components = root.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        components.set("securitySchemes", securitySchemes());
        ArrayNode unavailable = NODES.arrayNode();

        for (ServiceDocument service : services) {
            if (service.document() == null) {
                ObjectNode note = unavailable.addObject();
                note.put("service", service.route().service());
                note.put("reason", service.unavailableReason());
                continue;
            }
            JsonNode document = renameConflictingSchemas(service.route().service(), service.document(), schemas);
            copySchemas(document, schemas);
            for (Map.Entry<String, JsonNode> entry : document.path("paths").properties()) {
                Optional<String> publicPath = publicPath(entry.getKey());
                if (publicPath.isEmpty() || !service.route().routes(publicPath.get()) || !entry.getValue().isObject()) {
                    continue;
                }
                ObjectNode item = ((ObjectNode) entry.getValue()).deepCopy();
                decorateOperations(publicPath.get(), item, service.route().service());
                if (!operations(item).isEmpty()) {
                    paths.set(publicPath.get(), item);
                }
            }
        }
        if (gatewayDocument != null) {
            JsonNode document = renameConflictingSchemas(GATEWAY, gatewayDocument, schemas);
            copySchemas(document, schemas);
            for (Map.Entry<String, JsonNode> entry : document.path("paths").properties()) {
                if (!entry.getKey().startsWith(PublicApi.V1 + "/") || !entry.getValue().isObject()) {
                    continue;
                }
                ObjectNode item = paths.has(entry.getKey()) ? (ObjectNode) paths.get(entry.getKey()) : paths.putObject(entry.getKey());
                item.setAll(((ObjectNode) entry.getValue()).deepCopy());
                decorateOperations(entry.getKey(), item, GATEWAY);
                if (OpenApiAggregator.isAnonymous(entry.getKey())) {
                    operations(item).forEach(operation -> operation.putArray("security"));
                }
                if (operations(item).isEmpty()) {
                    paths.remove(entry.getKey());
                }
            }
        }
        // The services' documents bring the problem schema (service-defaults); this one only for a document without it.
        if (!schemas.has(PROBLEM_SCHEMA)) {
            schemas.set(PROBLEM_SCHEMA, problemSchema());
        }
        if (!unavailable.isEmpty()) {
            root.set("x-unavailable", unavailable);
        }
        root.set("paths", sortedByPath(paths));
        root.set("tags", tagsInReadingOrder(paths));
        keepOnlySchemasInUse(paths, schemas);
        return root;
    }

    /**
     * Drops the schemas that no listed operation uses, directly or through another schema: those of operations only
     * Hirepipe's own services call (a test's delivery to a session, an account email), which are left out of the
     * document and would otherwise still show their shapes to every reader.
     */
    private static void keepOnlySchemasInUse(ObjectNode paths, ObjectNode schemas) {
        Set<String> inUse = new HashSet<>();
        Deque<JsonNode> toRead = new ArrayDeque<>(List.of(paths));
        while (!toRead.isEmpty()) {
            JsonNode node = toRead.pop();
            String ref = node.path("$ref").asString("");
            String name = ref.startsWith(SCHEMA_REF) ? ref.substring(SCHEMA_REF.length()) : null;
            if (name != null && inUse.add(name) && schemas.has(name)) {
                toRead.push(schemas.get(name));
            }
            node.values().forEach(child -> {
                if (child.isContainer()) {
                    toRead.push(child);
                }
            });
        }
        schemas.retain(inUse);
    }

    private static ArrayNode tagsInReadingOrder(ObjectNode paths) {
        Set<String> used = new LinkedHashSet<>();
        for (JsonNode item : paths.values()) {
            for (JsonNode operation : item.values()) {
                operation.path("tags").values().forEach(tag -> used.add(tag.asString()));
            }
        }
        List<String> ordered = new ArrayList<>(TAG_ORDER.stream().filter(used::contains).toList());
        used.stream().filter(tag -> !ordered.contains(tag)).forEach(ordered::add);
        ArrayNode tags = NODES.arrayNode();
        ordered.forEach(tag -> tags.addObject().put("name", tag));
        return tags;
    }

    /** By path, so a collection comes before its items and an item before its actions, whichever service sent it. */
    private static ObjectNode sortedByPath(ObjectNode paths) {
        ObjectNode sorted = NODES.objectNode();
        paths.properties().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> sorted.set(entry.getKey(), entry.getValue()));
        return sorted;
    }

    private static List<ObjectNode> operations(ObjectNode item) {
        List<ObjectNode> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : item.properties()) {
            if (METHODS.contains(entry.getKey()) && entry.getValue().isObject()) {
                operations.add((ObjectNode) entry.getValue());
            }
        }
        return operations;
    }

    private static void decorateOperations(String publicPath, ObjectNode item, String service) {
        List<String> servicesOnly = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : item.properties()) {
            if (!METHODS.contains(entry.getKey()) || !entry.getValue().isObject()) {
                continue;
            }
            ObjectNode operation = (ObjectNode) entry.getValue();
            Optional<List<String>> roles = publicRoles(operation);
            if (roles.isPresent() && roles.get().isEmpty()) {
                // Only Hirepipe's services may call it: no token or key a client can hold gets in, so it is not public.
                servicesOnly.add(entry.getKey());
                continue;
            }
            operation.put("x-service", service);
            // Operation ids must be unique in one document; each service numbers its own ("create_1").
            JsonNode operationId = operation.get("operationId");
            if (operationId != null && operationId.isString()) {
                operation.put("operationId", prefixOf(service).toLowerCase(Locale.ROOT) + "." + operationId.asString());
            }
            HttpMethod method = HttpMethod.valueOf(entry.getKey().toUpperCase(Locale.ROOT));
            // A key gets past the gateway with the scope, and past the service only if its rule lets PLATFORM in.
            Optional<ApiScope> scope = ApiScopeAuthorization.requiredScope(method, publicPath)
                    .filter(required -> roles.isEmpty() || roles.get().contains(CallerKind.PLATFORM.name()));
            roles.ifPresent(callers -> {
                ArrayNode listed = operation.putArray(AllowedRoles.EXTENSION);
                callers.stream().filter(role -> scope.isPresent() || !role.equals(CallerKind.PLATFORM.name()))
                        .forEach(listed::add);
            });
            ArrayNode security = operation.putArray("security");
            security.addObject().putArray("bearerAuth");
            scope.ifPresent(required -> {
                operation.put("x-required-scope", required.value());
                security.addObject().putArray("apiKey").add(required.value());
                if (publicPath.startsWith(PublicApi.GREENHOUSE)) {
                    // what Greenhouse actually sends: it cannot add an X-Api-Key header
                    security.addObject().putArray(GREENHOUSE_BASIC).add(required.value());
                }
            });
            ObjectNode responses = operation.has("responses") && operation.get("responses").isObject()
                    ? (ObjectNode) operation.get("responses") : operation.putObject("responses");
            addProblemResponses(responses);
            describeForbidden(responses, scope, roles.orElse(List.of()));
        }
        item.remove(servicesOnly);
    }

    /**
     * The roles of the operation's {@code x-roles} a public client can hold (all but SERVICE), or empty when the service
     * did not say.
     */
    private static Optional<List<String>> publicRoles(ObjectNode operation) {
        JsonNode roles = operation.get(AllowedRoles.EXTENSION);
        if (roles == null || !roles.isArray()) {
            return Optional.empty();
        }
        return Optional.of(roles.values().stream().map(JsonNode::asString)
                .filter(role -> !role.equals(CallerKind.SERVICE.name())).toList());
    }

    /**
     * A service describes its problem responses with an example each (service-defaults' ProblemResponsesCustomizer);
     * they are kept as they are. Only an operation without any gets the generic list, so none lacks them.
     */
    private static void addProblemResponses(ObjectNode responses) {
        boolean described = responses.properties().stream()
                .anyMatch(response -> isProblemStatus(response.getKey()) && response.getValue().path("content").has(PROBLEM_MEDIA_TYPE));
        if (!described) {
            for (int status : PROBLEM_STATUSES) {
                if (!responses.has(String.valueOf(status))) {
                    responses.putObject(String.valueOf(status));
                }
            }
        }
        for (Map.Entry<String, JsonNode> entry : responses.properties()) {
            if (!isProblemStatus(entry.getKey()) || !entry.getValue().isObject()) {
                continue;
            }
            ObjectNode response = (ObjectNode) entry.getValue();
            if (!response.has("description")) {
                response.put("description", "Problem (RFC 9457)");
            }
            ObjectNode content = response.has("content") && response.get("content").isObject()
                    ? (ObjectNode) response.get("content") : response.putObject("content");
            content.remove("*/*");
            ObjectNode problem = content.has(PROBLEM_MEDIA_TYPE) ? (ObjectNode) content.get(PROBLEM_MEDIA_TYPE)
                    : content.putObject(PROBLEM_MEDIA_TYPE);
            if (!problem.has("schema")) {
                problem.putObject("schema").put("$ref", SCHEMA_REF + PROBLEM_SCHEMA);
            }
        }
    }

    private static boolean isProblemStatus(String status) {
        return status.length() == 3 && (status.startsWith("4") || status.startsWith("5"));
    }

    /**
     * The 403 example names the scope this very operation needs, from the rule the gateway enforces; an operation
     * no API key may call is refused for the caller's role instead, and says which role it needs where it is known.
     */
    private static void describeForbidden(ObjectNode responses, Optional<ApiScope> scope, List<String> roles) {
        Optional<String> needs = scope.isPresent() ? Optional.empty() : needs(roles);
        if (needs.isPresent() && responses.get("403") instanceof ObjectNode forbidden) {
            forbidden.put("description", needs.get());
        }
        JsonNode example = responses.path("403").path("content").path(PROBLEM_MEDIA_TYPE).path("example");
        if (!(example instanceof ObjectNode problem)) {
            return;
        }
        if (scope.isPresent()) {
            problem.put("type", ProblemException.TYPE_BASE + "insufficient-scope");
            problem.put("detail", "This API key lacks the scope '" + scope.get().value() + "'.");
            problem.put("requiredScope", scope.get().value());
        } else {
            problem.put("type", ProblemException.TYPE_BASE + "forbidden");
            problem.put("detail", needs.orElse("Your credentials do not allow this operation."));
            problem.remove("requiredScope");
        }
    }

    /**
     * Who may call an operation no API key may: the least of the person roles it lets in (a higher role may do what a
     * lower one may), or a candidate; empty when {@code x-roles} names neither.
     */
    private static Optional<String> needs(List<String> roles) {
        Optional<Role> least = Role.leastOf(roles);
        if (least.isPresent()) {
            return Optional.of("Needs a signed-in user with the " + least.get().name() + " role"
                    + (least.get() == Role.ADMIN ? "" : " or a higher one") + "; API keys cannot call this operation.");
        }
        if (roles.contains(CallerKind.CANDIDATE.name())) {
            return Optional.of("Needs the candidate's token (POST " + PublicApi.AUTH
                    + "/candidate); API keys cannot call this operation.");
        }
        return Optional.empty();
    }

    /** Schemas of the same name but different shape in two services are kept apart under a service prefix. */
    private static JsonNode renameConflictingSchemas(String service, JsonNode document, ObjectNode merged) {
        List<String> conflicts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            if (merged.has(schema.getKey()) && !merged.get(schema.getKey()).equals(schema.getValue())) {
                conflicts.add(schema.getKey());
            }
        }
        if (conflicts.isEmpty()) {
            return document;
        }
        JsonNode copy = document.deepCopy();
        String prefix = prefixOf(service);
        ObjectNode schemas = (ObjectNode) copy.path("components").path("schemas");
        for (String name : conflicts) {
            schemas.set(prefix + name, schemas.remove(name));
        }
        rewriteRefs(copy, conflicts, prefix);
        return copy;
    }

    private static void rewriteRefs(JsonNode node, List<String> names, String prefix) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString()) {
                for (String name : names) {
                    if (ref.asString().equals(SCHEMA_REF + name)) {
                        object.put("$ref", SCHEMA_REF + prefix + name);
                    }
                }
            }
            object.values().forEach(child -> rewriteRefs(child, names, prefix));
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(child -> rewriteRefs(child, names, prefix));
        }
    }

    private static String prefixOf(String service) {
        StringBuilder prefix = new StringBuilder();
        for (String part : service.split("-")) {
            if (!part.isEmpty() && !part.equals("service")) {
                prefix.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return prefix.toString();
    }

    private static void copySchemas(JsonNode document, ObjectNode schemas) {
        for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
            // ProblemDetail is the gateway's one shape for errors; a service's own variant does not replace it.
            if (!schemas.has(schema.getKey())) {
                schemas.set(schema.getKey(), schema.getValue());
            }
        }
    }

    private static ObjectNode securitySchemes() {
        ObjectNode schemes = NODES.objectNode();
        ObjectNode bearer = schemes.putObject("bearerAuth");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        bearer.put("description", "A recruiter access token from POST " + PublicApi.AUTH + "/login "
                + "(or a candidate token from " + PublicApi.AUTH + "/candidate for /api/v1/candidate/**).");
        ObjectNode apiKey = schemes.putObject("apiKey");
        apiKey.put("type", "apiKey");
        apiKey.put("in", "header");
        apiKey.put("name", "X-Api-Key");
        apiKey.put("description", "A platform API key (hp_...). Its scopes: " + String.join(", ", ApiScope.names())
                + ". Each operation names the scope it needs in x-required-scope; a key without it gets 403.");
        ObjectNode greenhouse = schemes.putObject(GREENHOUSE_BASIC);
        greenhouse.put("type", "http");
        greenhouse.put("scheme", "basic");
        greenhouse.put("description", "How Greenhouse calls the operations of its Assessment API, and on "
                + PublicApi.GREENHOUSE + "** only: HTTP Basic with a platform API key holding "
                + ApiScope.INTEGRATIONS_GREENHOUSE.value() + " as the user name and an empty password.");
        return schemes;
    }

    private static ObjectNode problemSchema() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put("description", "RFC 9457 problem details");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("type", "string").put("format", "uri");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer");
        properties.putObject("detail").put("type", "string");
        properties.putObject("instance").put("type", "string").put("format", "uri");
        return schema;
    }
}
