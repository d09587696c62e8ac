package io.hirepipe.testkit;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a platform team needs from every operation of an OpenAPI document, checked the same way on each
 * service's {@code /v3/api-docs} and on the gateway's aggregated document:
 * <ul>
 * <li>a summary and a tag that names a feature (not springdoc's {@code foo-controller});</li>
 * <li>success responses with a real media type (not {@code *}{@code /*});</li>
 * <li>an example for every JSON request body and JSON success response, on the media type or in the schema
 * (following {@code $ref}s: an object has one when each of its properties has one, so Swagger UI can show a
 * whole example built from them);</li>
 * <li>an example on every problem response;</li>
 * <li>every {@code pattern} anchored ({@code ^…$}) and free of Java-only syntax: JSON Schema searches a pattern
 * anywhere in the value with an ECMA-262 engine, where Bean Validation matches the whole value with Java's, so an
 * unanchored or Java-only pattern lets a client's validator pass what the server refuses, or refuse what it
 * accepts ({@code [^\p{Cntrl}]} is "no p, {, C, n, t, r, l or }" to a JavaScript validator);</li>
 * <li>every scalar {@code example} of its schema's type;</li>
 * <li>every {@code default} of its schema's type, and none the empty string: that is what an unset annotation
 * attribute leaks when swagger's annotations and its model reader come in different versions, and a generated
 * client would start every number at {@code ""}.</li>
 * </ul>
 * A boolean, an enum or a {@code date-time} string counts as having an example without one: Swagger UI fills
 * in {@code true}, the first value or the current time, which are valid and realistic.
 */
public final class OpenApiAssertions {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /**
     * Java regex syntax an ECMA-262 engine reads otherwise or not at all: Unicode classes by name, horizontal space,
     * input anchors, quoting, possessive quantifiers, inline flags and atomic groups, class intersection and nesting
     * (an unescaped {@code [} inside a class).
     */
    private static final Pattern JAVA_ONLY_REGEX = Pattern.compile(
            "\\\\[pPhHAzZQE]|[*+?}]\\+|\\(\\?[^:=!<]|&&|\\[(?:[^\\]\\\\]|\\\\.)*\\[");

    private OpenApiAssertions() {
    }

    /** Fails listing every operation that lacks any of the above, so one run shows all that is missing. */
    public static void assertEveryOperationIsDescribed(JsonNode document) {
        List<String> gaps = gaps(document);
        if (!gaps.isEmpty()) {
            throw new AssertionError(gaps.size() + " gap(s) in the API description:\n  " + String.join("\n  ", gaps));
        }
    }

    /**
     * Fails unless the document lists this problem, a refusal the test just received from {@code method path},
     * among that operation's responses: its status, with an example of its type. So a client that codes against
     * the description handles what the API really answers.
     */
    public static void assertDocumentsRefusal(JsonNode document, String method, String path, JsonNode problem) {
        String concretePath = withoutQuery(path);
        JsonNode operation = operation(document, method, concretePath);
        String status = problem.path("status").asString("");
        JsonNode media = operation.path("responses").path(status).path("content").path("application/problem+json");
        List<String> types = new ArrayList<>();
        media.path("examples").values().forEach(example -> types.add(example.path("value").path("type").asString("")));
        types.add(media.path("example").path("type").asString(""));
        String type = problem.path("type").asString("");
        if (!types.contains(type)) {
            throw new AssertionError(method + " " + concretePath + " answered " + status + " " + type
                    + " but its description lists " + (media.isMissingNode() ? "no " + status : types));
        }
    }

    /**
     * Fails unless the document lists {@code status} among the responses of {@code method path}, a status the test just
     * received there (a 201, 202 or 204 where springdoc would assume 200 unless the controller says otherwise).
     */
    public static void assertDocumentsStatus(JsonNode document, String method, String path, int status) {
        String concretePath = withoutQuery(path);
        JsonNode responses = operation(document, method, concretePath).path("responses");
        if (!responses.has(String.valueOf(status))) {
            List<String> documented = new ArrayList<>(responses.propertyNames());
            throw new AssertionError(method + " " + concretePath + " answered " + status + " but its description lists "
                    + documented);
        }
    }

    private static String withoutQuery(String path) {
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    /** The operation a concrete path is answered by; the literal path wins over a template that also matches it. */
    private static JsonNode operation(JsonNode document, String method, String concretePath) {
        // /questions/import over /questions/{id}
        JsonNode operation = document.path("paths").properties().stream()
                .filter(documented -> concretePath.matches(documented.getKey().replaceAll("\\{[^/]+}", "[^/]+")))
                .min(java.util.Comparator.comparingLong(documented -> documented.getKey().chars().filter(c -> c == '{').count()))
                .map(documented -> documented.getValue().path(method.toLowerCase(java.util.Locale.ROOT)))
                .orElse(null);
        if (operation == null || operation.isMissingNode()) {
            throw new AssertionError(method + " " + concretePath + " is not in the API description");
        }
        return operation;
    }

    /** The gaps found, one line each ("POST /api/x: ..."); empty when every operation is described. */
    public static List<String> gaps(JsonNode document) {
        List<String> gaps = new ArrayList<>();
        JsonNode paths = document.path("paths");
        if (paths.isEmpty()) {
            gaps.add("the document has no paths");
        }
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (METHODS.contains(entry.getKey())) {
                    String name = entry.getKey().toUpperCase() + " " + path.getKey();
                    operationGaps(document, entry.getValue(), message -> gaps.add(name + ": " + message));
                }
            }
        }
        schemaValueGaps(document, "", gaps::add);
        return gaps;
    }

    /** Every {@code pattern}, {@code default} and scalar {@code example} of a schema anywhere in the document, named by its JSON pointer. */
    private static void schemaValueGaps(JsonNode node, String pointer, Gaps gaps) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                schemaValueGaps(node.get(i), pointer + "/" + i, gaps);
            }
            return;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            if (field.getKey().equals("pattern") && field.getValue().isString()) {
                String pattern = field.getValue().asString();
                if (!pattern.startsWith("^") || !pattern.endsWith("$") || pattern.endsWith("\\$")) {
                    gaps.add(at + ": pattern '" + pattern + "' is not anchored (^…$), so JSON Schema accepts any value "
                            + "that merely contains a match");
                }
                if (JAVA_ONLY_REGEX.matcher(pattern).find()) {
                    gaps.add(at + ": pattern '" + pattern + "' uses Java-only regex syntax, which an ECMA-262 "
                            + "validator reads otherwise");
                }
            } else if (field.getKey().equals("default") && !field.getValue().isContainer()) {
                defaultGap(node, field.getValue()).ifPresent(problem -> gaps.add(at + ": " + problem));
            } else if (field.getKey().equals("example") && !field.getValue().isContainer()) {
                typeGap(node, "example", field.getValue()).ifPresent(problem -> gaps.add(at + ": " + problem));
            } else if (field.getValue().isContainer()) {
                schemaValueGaps(field.getValue(), at, gaps);
            }
        }
    }

    private interface Gaps {
        void add(String message);
    }

    private static void operationGaps(JsonNode document, JsonNode operation, Gaps gaps) {
        if (operation.path("summary").asString("").isBlank()) {
            gaps.add("no summary");
        }
        List<String> tags = operation.path("tags").values().stream().map(tag -> tag.asString("")).toList();
        if (tags.isEmpty() || tags.stream().anyMatch(tag -> tag.isBlank() || tag.endsWith("-controller"))) {
            gaps.add("no feature tag: " + tags);
        }
        for (Map.Entry<String, JsonNode> media : operation.path("requestBody").path("content").properties()) {
            if (isJson(media.getKey()) && !hasExample(document, media.getValue())) {
                gaps.add("request body " + media.getKey() + " has no example");
            }
        }
        JsonNode responses = operation.path("responses");
        if (responses.isEmpty()) {
            gaps.add("no responses");
        }
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            String status = response.getKey();
            for (Map.Entry<String, JsonNode> media : response.getValue().path("content").properties()) {
                String type = media.getKey();
                if (status.startsWith("2") && type.equals("*/*")) {
                    gaps.add(status + " response has no real media type (*/*)");
                } else if (status.startsWith("2") && isJson(type) && !hasExample(document, media.getValue())) {
                    gaps.add(status + " response " + type + " has no example");
                } else if ((status.startsWith("4") || status.startsWith("5"))
                        && !(media.getValue().has("example") || !media.getValue().path("examples").isEmpty())) {
                    gaps.add(status + " problem response has no example");
                }
            }
        }
    }

    private static Optional<String> defaultGap(JsonNode schema, JsonNode value) {
        if (value.isString() && value.asString().isEmpty()) {
            return Optional.of("default '' is no real default (an unset annotation attribute)");
        }
        return typeGap(schema, "default", value);
    }

    private static Optional<String> typeGap(JsonNode schema, String keyword, JsonNode value) {
        Set<String> types = types(schema);
        boolean fits = types.isEmpty() || types.contains(value.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                || (types.contains("integer") && value.isIntegralNumber());
        return fits ? Optional.empty() : Optional.of(keyword + " " + value + " is not of the schema's type " + types);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static boolean hasExample(JsonNode document, JsonNode media) {
        return media.has("example") || !media.path("examples").isEmpty()
                || hasExample(document, media.path("schema"), new HashSet<>());
    }

    /** Whether Swagger UI can show a complete, meaningful example for this schema. */
    static boolean hasExample(JsonNode document, JsonNode schema, Set<String> following) {
        if (schema.isMissingNode() || !schema.isObject()) {
            return false;
        }
        if (schema.has("example") || !schema.path("examples").isEmpty() || schema.has("enum")
                || schema.has("const")) {
            return true;
        }
        String ref = schema.path("$ref").asString("");
        if (!ref.isEmpty()) {
            // A schema that refers back to itself is as described as its other properties are.
            return !following.add(ref) || hasExample(document, document.at(ref.substring(1)), following);
        }
        if (types(schema).contains("boolean") || "date-time".equals(schema.path("format").asString(""))) {
            return true;
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator)) {
                return schema.get(combinator).values().stream().allMatch(part -> hasExample(document, part, new HashSet<>(following)));
            }
        }
        if (schema.has("items")) {
            return hasExample(document, schema.get("items"), following);
        }
        JsonNode properties = schema.path("properties");
        if (!properties.isEmpty()) {
            return properties.values().stream().allMatch(property -> hasExample(document, property, new HashSet<>(following)));
        }
        // A map: Swagger UI shows one entry built from the values' schema.
        return schema.path("additionalProperties").isObject()
                && hasExample(document, schema.get("additionalProperties"), following);
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.values().stream().forEach(t -> types.add(t.asString("")));
        } else if (type.isString()) {
            types.add(type.asString());
        }
        return types;
    }
}
