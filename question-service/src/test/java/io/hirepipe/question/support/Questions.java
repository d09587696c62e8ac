package io.hirepipe.question.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for realistic questions, from the backend interview guide the question bank grew from. */
public final class Questions {

    private Questions() {
    }

    public static Map<String, Object> singleChoice(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "SINGLE_CHOICE");
        body.put("title", title);
        body.put("prompt", "An API endpoint suddenly receives 10x its usual traffic. What helps first?");
        body.put("options", List.of(
                Map.of("id", "a", "text", "Horizontal auto-scaling behind a load balancer"),
                Map.of("id", "b", "text", "Removing all indexes"),
                Map.of("id", "c", "text", "Turning off HTTPS")));
        body.put("correctOptionIds", List.of("a"));
        body.put("points", 2);
        body.put("tags", List.of("scaling", "api"));
        return body;
    }

    public static Map<String, Object> multiChoice(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "MULTI_CHOICE");
        body.put("title", title);
        body.put("prompt", "Which of these protect a REST API from common vulnerabilities?");
        body.put("options", List.of(
                Map.of("id", "https", "text", "HTTPS everywhere"),
                Map.of("id", "validation", "text", "Input validation"),
                Map.of("id", "verbose", "text", "Verbose stack traces in responses")));
        body.put("correctOptionIds", List.of("https", "validation"));
        body.put("tags", List.of("security", "api"));
        return body;
    }

    public static Map<String, Object> freeText(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "FREE_TEXT");
        body.put("title", title);
        body.put("prompt", "How do you decide between a SQL and a NoSQL database for a new project?");
        body.put("rubric", Map.of("keyPoints", List.of(
                Map.of("id", "structure", "description", "Relational versus unstructured data",
                        "phrases", List.of("relational", "schema"), "points", 3),
                Map.of("id", "acid", "description", "ACID requirements",
                        "phrases", List.of("ACID", "transactions"), "points", 2))));
        body.put("tags", List.of("databases"));
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }
}
