package io.hirepipe.perf;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which scenarios a run measures ({@code --scenarios=P4,P7}); all of them unless asked otherwise. P1–P3 share one set
 * of gateways and wrk rounds, so naming any of them runs the three; "P6" means P6a and P6b. P8 (cold start and memory)
 * is read in every run: the stack starts anyway.
 */
record ScenarioSelection(Set<String> ids) {

    static final List<String> ALL = List.of("P1", "P2", "P3", "P4", "P5", "P6a", "P6b", "P7", "P8");

    static ScenarioSelection all() {
        return new ScenarioSelection(Set.copyOf(ALL));
    }

    /** @throws IllegalArgumentException naming the first id that is no scenario */
    static ScenarioSelection parse(String list) {
        Set<String> ids = new LinkedHashSet<>();
        for (String raw : list.split(",")) {
            String id = raw.trim();
            if (id.isEmpty()) {
                continue;
            }
            String canonical = id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1).toLowerCase(Locale.ROOT);
            switch (canonical) {
                case "P1", "P2", "P3" -> ids.addAll(List.of("P1", "P2", "P3"));
                case "P6" -> ids.addAll(List.of("P6a", "P6b"));
                default -> {
                    if (!ALL.contains(canonical)) {
                        throw new IllegalArgumentException("no scenario '" + id + "' (scenarios: " + String.join(", ", ALL) + ")");
                    }
                    ids.add(canonical);
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("--scenarios names no scenario (scenarios: " + String.join(", ", ALL) + ")");
        }
        ids.add("P8");
        return new ScenarioSelection(Set.copyOf(ids));
    }

    boolean includes(String id) {
        return ids.contains(id);
    }

    boolean includesAny(String... candidates) {
        return Arrays.stream(candidates).anyMatch(ids::contains);
    }

    boolean isAll() {
        return ids.containsAll(ALL);
    }

    /** In the order of {@link #ALL}, for the report's header. */
    String describe() {
        return ALL.stream().filter(ids::contains).collect(Collectors.joining(", "));
    }
}
