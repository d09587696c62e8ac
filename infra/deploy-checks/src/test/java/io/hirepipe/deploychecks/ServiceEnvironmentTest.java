package io.hirepipe.deploychecks;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.hirepipe.deploychecks.Manifests.name;
import static io.hirepipe.deploychecks.Yamls.mapAt;
import static io.hirepipe.deploychecks.Yamls.mapsAt;
import static io.hirepipe.deploychecks.Yamls.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every environment variable the deployments hand a service is one the service reads: a placeholder
 * in its application.yml or the shared defaults, the environment form of a property declared there,
 * or one of Spring Boot's own namespaces (SPRING_, LOGGING_) or the JVM's. A renamed or misspelt
 * variable would otherwise be ignored silently and the service would fall back to localhost.
 */
class ServiceEnvironmentTest {

    private static final String DEFAULTS = "infra/service-defaults/src/main/resources/hirepipe-service-defaults.yml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final String TOMBSTONE_KEY = "HIREPIPE_PRIVACY_TOMBSTONE_KEY";
    private static final Set<String> JVM_AND_OS = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "HOME");

    @Test
    void composeGivesEachServiceOnlyVariablesItReads() {
        Map<String, Object> services = mapAt(Yamls.document(Repo.read("infra/compose/docker-compose.yml")), "services");
        for (String service : Repo.SERVICES) {
            Set<String> read = readBy(service);
            assertThat(mapAt(services, service, "environment").keySet()).as(service)
                    .allMatch(variable -> isRead(variable, read), "is read by the service");
        }
    }

    /**
     * A setting compose hands one service reaches every other service whose application.yml reads it too, with
     * the same value: HIREPIPE_PUBLIC_URL set for assessment-service alone left the gateway's set-password links
     * and notification-service's webhook links on their localhost default.
     */
    @Test
    void composeHandsASettingToEveryServiceThatReadsIt() {
        Map<String, Object> services = mapAt(Yamls.document(Repo.read("infra/compose/docker-compose.yml")), "services");
        Map<String, Set<String>> values = new TreeMap<>();
        for (String service : Repo.SERVICES) {
            mapAt(services, service, "environment").forEach((variable, value) ->
                    values.computeIfAbsent(variable, v -> new TreeSet<>()).add(String.valueOf(value)));
        }
        // These differ on purpose: each service has its own database user and its own tombstone key.
        values.remove("MONGODB_URI");
        values.remove(TOMBSTONE_KEY);
        SoftAssertions soft = new SoftAssertions();
        values.forEach((variable, given) -> {
            soft.assertThat(given).as(variable + " has one value across the services").hasSize(1);
            for (String service : Repo.SERVICES) {
                if (placeholdersOf(service + "/src/main/resources/application.yml").contains(variable)) {
                    soft.assertThat(mapAt(services, service, "environment")).as(service + " reads " + variable)
                            .containsKey(variable);
                }
            }
        });
        soft.assertAll();
    }

    /**
     * The services that erase candidates keep tombstones keyed by an HMAC of the email's hash. Without
     * HIREPIPE_PRIVACY_TOMBSTONE_KEY each generates its key and stores it beside the tombstones, where a copy of
     * the database holds both (ErasedCandidates: "production sets one"). Compose and Kubernetes set it, a different
     * secret per service, from .env and from a Secret.
     */
    @Test
    void everyServiceThatErasesCandidatesGetsItsOwnTombstoneKeyFromASecret() throws IOException {
        List<String> erasing = servicesThatEraseCandidates();
        assertThat(erasing).contains("assessment-service", "scoring-service", "notification-service");

        Map<String, Object> services = mapAt(Yamls.document(Repo.read("infra/compose/docker-compose.yml")), "services");
        Set<String> composeKeys = new HashSet<>();
        for (String service : erasing) {
            String value = text(services, service, "environment", TOMBSTONE_KEY);
            assertThat(value).as("compose " + service + " " + TOMBSTONE_KEY).isNotNull().startsWith("${").contains(":?");
            composeKeys.add(value);
        }
        assertThat(composeKeys).as("one key per service").hasSameSizeAs(erasing);

        Kustomize.requireKubectl();
        for (String overlay : List.of("dev", "prod")) {
            Manifests m = new Manifests(Kustomize.render(Repo.path("infra/k8s/overlays/" + overlay)));
            Set<String> secretKeys = new HashSet<>();
            for (String service : erasing) {
                Map<String, Object> env = m.podOf(m.named("Deployment", service)).containers().stream()
                        .flatMap(c -> mapsAt(c, "env").stream()).filter(e -> TOMBSTONE_KEY.equals(text(e, "name")))
                        .findFirst().orElse(null);
                assertThat(env).as(overlay + " " + service + " " + TOMBSTONE_KEY).isNotNull();
                Map<String, Object> ref = mapAt(env, "valueFrom", "secretKeyRef");
                assertThat(ref).as(overlay + " " + service + " reads it from a Secret").isNotEmpty();
                assertThat(ref.get("optional")).as(overlay + " " + service + ": required").isNotEqualTo(true);
                secretKeys.add(text(ref, "name") + "/" + text(ref, "key"));
            }
            assertThat(secretKeys).as(overlay + ": one key per service").hasSameSizeAs(erasing);
        }
    }

    private static List<String> servicesThatEraseCandidates() throws IOException {
        List<String> erasing = new ArrayList<>();
        for (String service : Repo.SERVICES) {
            try (Stream<Path> files = Files.walk(Repo.path(service + "/src/main/java"))) {
                if (files.filter(f -> f.toString().endsWith(".java"))
                        .anyMatch(f -> readQuietly(f).contains("implements CandidateDataEraser"))) {
                    erasing.add(service);
                }
            }
        }
        return erasing;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void kubernetesGivesEachServiceOnlyVariablesItReads() {
        Kustomize.requireKubectl();
        Set<String> readByAny = new HashSet<>();
        Repo.SERVICES.forEach(s -> readByAny.addAll(readBy(s)));
        for (String overlay : List.of("dev", "prod")) {
            Manifests m = new Manifests(Kustomize.render(Repo.path("infra/k8s/overlays/" + overlay)));
            // The ConfigMap is shared, so each of its keys must be read by some service.
            assertThat(mapAt(KubernetesOverlaysTest.configMap(m), "data").keySet()).as(overlay + " ConfigMap")
                    .allMatch(variable -> isRead(variable, readByAny), "is read by a service");
            for (Map<String, Object> deployment : m.ofKind("Deployment")) {
                Set<String> read = readBy(name(deployment));
                for (Map<String, Object> container : m.podOf(deployment).containers()) {
                    assertThat(mapsAt(container, "env")).extracting(e -> text(e, "name"))
                            .as(overlay + " " + name(deployment))
                            .allMatch(variable -> isRead(variable, read), "is read by the service");
                }
            }
        }
    }

    private static boolean isRead(String variable, Set<String> read) {
        // SPRING_, LOGGING_ and MANAGEMENT_ set Spring Boot's own properties (management.* is actuator,
        // metrics and tracing), which every service reads without declaring them.
        return read.contains(variable) || variable.startsWith("SPRING_") || variable.startsWith("LOGGING_")
                || variable.startsWith("MANAGEMENT_") || JVM_AND_OS.contains(variable);
    }

    /** Placeholders and the environment form of every declared property, of one service. */
    private static Set<String> readBy(String service) {
        Set<String> names = new TreeSet<>();
        for (String file : List.of(service + "/src/main/resources/application.yml", DEFAULTS)) {
            names.addAll(placeholdersOf(file));
            collectEnvironmentForms("", Yamls.document(Repo.read(file)), names);
        }
        return names;
    }

    /** The environment variables a YAML file names in its {@code ${...}} placeholders. */
    private static Set<String> placeholdersOf(String file) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(Repo.read(file));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static void collectEnvironmentForms(String prefix, Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectEnvironmentForms(prefix.isEmpty() ? String.valueOf(key)
                    : prefix + "." + key, value, names));
        } else if (!prefix.isEmpty()) {
            // Spring Boot's canonical environment form: dots to underscores, dashes dropped, upper case.
            names.add(prefix.replace("-", "").replace('.', '_').toUpperCase());
        }
    }
}
