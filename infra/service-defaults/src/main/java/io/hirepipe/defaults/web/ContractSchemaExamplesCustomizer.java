package io.hirepipe.defaults.web;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.IntegrityCounts;
import io.hirepipe.contracts.events.KeyPoint;
import io.hirepipe.contracts.events.Misconception;
import io.hirepipe.contracts.events.Person;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Examples for the shared event types that API responses reuse (a question's options and rubric, a candidate,
 * integrity counts). They live in the contracts module, which stays free of springdoc annotations, so their
 * examples are set here, once for every service that documents them.
 */
public class ContractSchemaExamplesCustomizer implements OpenApiCustomizer {

    private static final Map<String, Object> EXAMPLES = Map.of(
            ChoiceOption.class.getSimpleName(), ordered("id", "b", "text", "Sharding"),
            Person.class.getSimpleName(), ordered("name", "Ada Lovelace", "email", "ada@example.org"),
            IntegrityCounts.class.getSimpleName(), ordered("focusLost", 3, "hidden", 1, "paste", 1, "copy", 0),
            KeyPoint.class.getSimpleName(), ordered("id", "shared-state",
                    "description", "Keeps the counters where every instance sees them",
                    "phrases", List.of("redis", "shared counter"), "points", 2,
                    "examples", List.of("One counter per client in Redis")),
            Misconception.class.getSimpleName(), ordered("id", "local-only",
                    "description", "Counts in each instance's memory only",
                    "phrases", List.of("in memory", "local map"), "points", 1));

    /** Members in the order a reader expects them (Map.of has none). */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return members;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        EXAMPLES.forEach((name, example) -> {
            Schema<?> schema = schemas.get(name);
            if (schema != null && schema.getExample() == null) {
                schema.setExample(example);
            }
        });
    }
}
