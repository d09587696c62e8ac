package io.hirepipe.deploychecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static io.hirepipe.deploychecks.Yamls.at;
import static io.hirepipe.deploychecks.Yamls.list;
import static io.hirepipe.deploychecks.Yamls.map;
import static io.hirepipe.deploychecks.Yamls.mapAt;
import static io.hirepipe.deploychecks.Yamls.mapsAt;
import static io.hirepipe.deploychecks.Yamls.text;

/** A rendered set of Kubernetes objects, with the lookups the checks need. */
record Manifests(List<Map<String, Object>> objects) {

    /** A pod template inside a workload (Deployment, CronJob, Job, ...). */
    record Pod(String owner, Map<String, Object> labels, Map<String, Object> spec) {

        List<Map<String, Object>> containers() {
            return Stream.concat(mapsAt(spec, "initContainers").stream(), mapsAt(spec, "containers").stream()).toList();
        }
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(text(o, "metadata", "name"))).findFirst().orElse(null);
    }

    static String name(Map<String, Object> object) {
        return text(object, "metadata", "name");
    }

    List<Pod> pods() {
        List<Pod> pods = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            String kind = String.valueOf(o.get("kind"));
            Object template = switch (kind) {
                case "Deployment", "StatefulSet", "DaemonSet", "Job" -> at(o, "spec", "template");
                case "CronJob" -> at(o, "spec", "jobTemplate", "spec", "template");
                default -> null;
            };
            if (template != null) {
                pods.add(new Pod(kind + "/" + name(o), mapAt(template, "metadata", "labels"), mapAt(template, "spec")));
            }
        }
        return pods;
    }

    Pod podOf(Map<String, Object> deployment) {
        String owner = "Deployment/" + name(deployment);
        return pods().stream().filter(p -> p.owner().equals(owner)).findFirst().orElseThrow();
    }

    /** Kubernetes label-selector semantics: matchLabels and matchExpressions, all must hold. */
    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        for (Map.Entry<String, Object> e : mapAt(selector, "matchLabels").entrySet()) {
            if (!Objects.equals(String.valueOf(e.getValue()), text(labels, e.getKey()))) {
                return false;
            }
        }
        for (Map<String, Object> expression : mapsAt(selector, "matchExpressions")) {
            String value = text(labels, text(expression, "key"));
            Set<String> values = Set.copyOf(list(expression.get("values")).stream().map(String::valueOf).toList());
            boolean holds = switch (text(expression, "operator")) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("Unknown selector operator in " + expression);
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    static boolean isEmptySelector(Map<String, Object> selector) {
        return mapAt(selector, "matchLabels").isEmpty() && mapsAt(selector, "matchExpressions").isEmpty();
    }

    /** Ingress NetworkPolicies that select the given pod labels. */
    List<Map<String, Object>> ingressPoliciesFor(Map<String, Object> podLabels) {
        return ofKind("NetworkPolicy").stream()
                .filter(p -> list(at(p, "spec", "policyTypes")).contains("Ingress"))
                .filter(p -> selects(mapAt(p, "spec", "podSelector"), podLabels))
                .toList();
    }

    /** Names of every Secret the objects read: env, envFrom, volumes, Ingress TLS. */
    List<String> referencedSecrets() {
        List<String> names = new ArrayList<>();
        for (Pod pod : pods()) {
            for (Map<String, Object> c : pod.containers()) {
                mapsAt(c, "env").forEach(e -> names.add(text(e, "valueFrom", "secretKeyRef", "name")));
                mapsAt(c, "envFrom").forEach(e -> names.add(text(e, "secretRef", "name")));
            }
            mapsAt(pod.spec(), "volumes").forEach(v -> names.add(text(v, "secret", "secretName")));
        }
        for (Map<String, Object> ingress : ofKind("Ingress")) {
            mapsAt(ingress, "spec", "tls").forEach(t -> names.add(text(t, "secretName")));
        }
        return names.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }

    static Map<String, Object> labelsOf(Map<String, Object> object) {
        return map(at(object, "metadata", "labels"));
    }
}
