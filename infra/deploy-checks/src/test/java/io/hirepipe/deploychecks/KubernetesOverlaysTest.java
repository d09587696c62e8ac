package io.hirepipe.deploychecks;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.hirepipe.deploychecks.Manifests.name;
import static io.hirepipe.deploychecks.Yamls.at;
import static io.hirepipe.deploychecks.Yamls.list;
import static io.hirepipe.deploychecks.Yamls.mapAt;
import static io.hirepipe.deploychecks.Yamls.mapsAt;
import static io.hirepipe.deploychecks.Yamls.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every overlay under infra/k8s/overlays with kubectl kustomize and checks the invariants the
 * deployment promises, for every object the overlay produces.
 */
class KubernetesOverlaysTest {

    private static final String INGRESS_CONTROLLER_NAMESPACE = "ingress-nginx";
    private static final String MONITORING_NAMESPACE = "monitoring";
    private static final Set<String> APP_COMPONENTS = Set.of("gateway", "backend");
    private static final Pattern PLACEHOLDER_WITH_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");
    private static final Pattern MAX_RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)");
    private static final Pattern SECRET_LIKE = Pattern.compile(".*(SECRET|PASSWORD|TOKEN|JAAS|_KEY|_URI)$");

    @BeforeAll
    static void kubectl() {
        Kustomize.requireKubectl();
    }

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(Repo.path("infra/k8s/overlays"))) {
            return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    static Manifests render(String overlay) {
        return new Manifests(Kustomize.render(Repo.path("infra/k8s/overlays/" + overlay)));
    }

    @Test
    void devAndProdOverlaysExist() throws IOException {
        assertThat(overlays()).contains("dev", "prod");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceIsDeployed(String overlay) {
        Manifests m = render(overlay);
        assertThat(m.ofKind("Deployment")).extracting(Manifests::name)
                .containsExactlyInAnyOrderElementsOf(Repo.SERVICES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerIsLockedDown(String overlay) {
        Manifests m = render(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (Manifests.Pod pod : m.pods()) {
            for (Map<String, Object> c : pod.containers()) {
                String where = pod.owner() + " container " + c.get("name");
                Map<String, Object> ctx = mapAt(c, "securityContext");
                Map<String, Object> podCtx = mapAt(pod.spec(), "securityContext");
                soft.assertThat(firstNonNull(ctx.get("runAsNonRoot"), podCtx.get("runAsNonRoot")))
                        .as(where + " runAsNonRoot").isEqualTo(true);
                soft.assertThat(ctx.get("readOnlyRootFilesystem")).as(where + " readOnlyRootFilesystem").isEqualTo(true);
                soft.assertThat(ctx.get("allowPrivilegeEscalation")).as(where + " allowPrivilegeEscalation").isEqualTo(false);
                soft.assertThat(list(at(ctx, "capabilities", "drop"))).as(where + " capabilities.drop").contains("ALL");
                soft.assertThat(list(at(ctx, "capabilities", "add"))).as(where + " capabilities.add").isEmpty();
                soft.assertThat(ctx.get("privileged")).as(where + " privileged").isNotEqualTo(true);
                soft.assertThat(firstNonNull(text(ctx, "seccompProfile", "type"), text(podCtx, "seccompProfile", "type")))
                        .as(where + " seccompProfile").isEqualTo("RuntimeDefault");
                Object uid = firstNonNull(ctx.get("runAsUser"), podCtx.get("runAsUser"));
                soft.assertThat(uid).as(where + " runAsUser (numeric, not root)")
                        .isInstanceOf(Integer.class).isNotEqualTo(0);
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerHasRequestsAndLimits(String overlay) {
        SoftAssertions soft = new SoftAssertions();
        for (Manifests.Pod pod : render(overlay).pods()) {
            for (Map<String, Object> c : pod.containers()) {
                String where = pod.owner() + " container " + c.get("name");
                for (String kind : List.of("requests", "limits")) {
                    soft.assertThat(mapAt(c, "resources", kind)).as(where + " resources." + kind)
                            .containsKeys("cpu", "memory");
                }
            }
        }
        soft.assertAll();
    }

    /**
     * The heap takes MaxRAMPercentage of the memory limit (JDK_JAVA_OPTIONS, the image's unless the container sets
     * its own); the rest must hold the JVM's own memory, and in a service that runs a model on ONNX Runtime that
     * model too (README "Benchmark": 271 MB of RSS), or the kernel kills the container once the heap has grown.
     * Compose gives each service the memory its Kubernetes base does, so a size found right holds in both.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceLeavesRoomBesideItsHeapInKubernetesAndCompose(String overlay) {
        Manifests m = render(overlay);
        Map<String, Object> compose = mapAt(Yamls.document(Repo.read("infra/compose/docker-compose.yml")), "services");
        String imageOptions = Repo.read("infra/docker/Dockerfile").lines().filter(l -> l.contains("JDK_JAVA_OPTIONS="))
                .findFirst().orElseThrow();
        SoftAssertions soft = new SoftAssertions();
        for (String service : Repo.SERVICES) {
            long needed = (Repo.read(service + "/pom.xml").contains("langchain4j-embeddings") ? 512 : 256) << 20;
            Map<String, Object> container = m.podOf(m.named("Deployment", service)).containers().get(0);
            long limit = bytes(text(container, "resources", "limits", "memory"));
            String options = mapsAt(container, "env").stream().filter(e -> "JDK_JAVA_OPTIONS".equals(text(e, "name")))
                    .map(e -> text(e, "value")).findFirst().orElse(imageOptions);
            soft.assertThat(limit - heapOf(limit, options)).as(overlay + " " + service + ": bytes beside the heap")
                    .isGreaterThanOrEqualTo(needed);

            long composeLimit = bytes(text(compose, service, "deploy", "resources", "limits", "memory"));
            String composeOptions = firstNonNull(at(compose, service, "environment", "JDK_JAVA_OPTIONS"), imageOptions).toString();
            soft.assertThat(composeLimit).as("compose " + service + " memory, as in Kubernetes").isEqualTo(limit);
            soft.assertThat(heapOf(composeLimit, composeOptions)).as("compose " + service + " heap, as in Kubernetes")
                    .isEqualTo(heapOf(limit, options));
        }
        soft.assertAll();
    }

    private static long heapOf(long limit, String jvmOptions) {
        Matcher percentage = MAX_RAM_PERCENTAGE.matcher(jvmOptions);
        assertThat(percentage.find()).as("MaxRAMPercentage in " + jvmOptions).isTrue();
        return (long) (limit * Double.parseDouble(percentage.group(1)) / 100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerWritesOnlyToAnEmptyDirTmp(String overlay) {
        SoftAssertions soft = new SoftAssertions();
        for (Manifests.Pod pod : render(overlay).pods()) {
            for (Map<String, Object> c : pod.containers()) {
                String where = pod.owner() + " container " + c.get("name");
                String tmpVolume = mapsAt(c, "volumeMounts").stream()
                        .filter(v -> "/tmp".equals(v.get("mountPath"))).map(v -> text(v, "name")).findFirst().orElse(null);
                soft.assertThat(tmpVolume).as(where + " mounts a volume at /tmp").isNotNull();
                boolean emptyDir = mapsAt(pod.spec(), "volumes").stream()
                        .anyMatch(v -> v.get("name").equals(tmpVolume) && v.containsKey("emptyDir"));
                soft.assertThat(emptyDir).as(where + " /tmp is an emptyDir").isTrue();
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyImageIsPinnedToAVersionTag(String overlay) {
        SoftAssertions soft = new SoftAssertions();
        for (Manifests.Pod pod : render(overlay).pods()) {
            for (Map<String, Object> c : pod.containers()) {
                String image = text(c, "image");
                String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
                soft.assertThat(tag).as(pod.owner() + " image " + image).isNotEmpty().isNotEqualTo("latest");
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void podsCarryNoServiceAccountToken(String overlay) {
        Manifests m = render(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (Manifests.Pod pod : m.pods()) {
            soft.assertThat(pod.spec().get("automountServiceAccountToken")).as(pod.owner() + " automount").isEqualTo(false);
            String account = text(pod.spec(), "serviceAccountName");
            soft.assertThat(account).as(pod.owner() + " names its ServiceAccount").isNotNull();
            Map<String, Object> sa = m.named("ServiceAccount", account);
            soft.assertThat(sa).as(pod.owner() + " ServiceAccount " + account + " is rendered").isNotNull();
            if (sa != null) {
                soft.assertThat(sa.get("automountServiceAccountToken")).as("ServiceAccount " + account).isEqualTo(false);
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void servicesProbeTheActuatorHealthGroups(String overlay) {
        Manifests m = render(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (Map<String, Object> deployment : m.ofKind("Deployment")) {
            for (Map<String, Object> c : m.podOf(deployment).containers()) {
                String where = "Deployment/" + name(deployment) + " container " + c.get("name");
                List<Object> ports = mapsAt(c, "ports").stream().flatMap(p -> Stream.of(p.get("name"), p.get("containerPort"))).toList();
                Map<String, String> expected = Map.of(
                        "startupProbe", "/actuator/health/liveness",
                        "livenessProbe", "/actuator/health/liveness",
                        "readinessProbe", "/actuator/health/readiness");
                expected.forEach((probe, path) -> {
                    soft.assertThat(text(c, probe, "httpGet", "path")).as(where + " " + probe).isEqualTo(path);
                    soft.assertThat(ports).as(where + " " + probe + " port is a container port")
                            .contains(at(c, probe, "httpGet", "port"));
                });
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDeploymentHasServiceDisruptionBudgetAutoscalerAndNetworkPolicy(String overlay) {
        Manifests m = render(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (Map<String, Object> deployment : m.ofKind("Deployment")) {
            String d = "Deployment/" + name(deployment);
            Manifests.Pod pod = m.podOf(deployment);
            soft.assertThat(Manifests.selects(mapAt(deployment, "spec", "selector"), pod.labels()))
                    .as(d + " selector matches its own pods").isTrue();

            List<Object> podPorts = pod.containers().stream()
                    .flatMap(c -> mapsAt(c, "ports").stream()).map(p -> p.get("name")).toList();
            soft.assertThat(m.ofKind("Service")).as(d + " has a Service targeting a named container port")
                    .anyMatch(s -> Manifests.selects(Map.of("matchLabels", mapAt(s, "spec", "selector")), pod.labels())
                            && mapsAt(s, "spec", "ports").stream().allMatch(p -> podPorts.contains(p.get("targetPort"))));
            soft.assertThat(m.ofKind("PodDisruptionBudget")).as(d + " has a PodDisruptionBudget")
                    .anyMatch(p -> Manifests.selects(mapAt(p, "spec", "selector"), pod.labels()));
            soft.assertThat(m.ofKind("HorizontalPodAutoscaler")).as(d + " has an autoscaler")
                    .anyMatch(h -> "Deployment".equals(text(h, "spec", "scaleTargetRef", "kind"))
                            && name(deployment).equals(text(h, "spec", "scaleTargetRef", "name"))
                            && ((Integer) at(h, "spec", "minReplicas")) <= ((Integer) at(h, "spec", "maxReplicas")));
            soft.assertThat(at(deployment, "spec", "replicas")).as(d + " leaves the replica count to its autoscaler").isNull();
            soft.assertThat(m.ingressPoliciesFor(pod.labels())).as(d + " is covered by an ingress NetworkPolicy").isNotEmpty();
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheGatewayIsReachableFromOutside(String overlay) {
        Manifests m = render(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (Map<String, Object> service : m.ofKind("Service")) {
            soft.assertThat(text(service, "spec", "type")).as("Service/" + name(service) + " type")
                    .isIn(null, "ClusterIP");
        }
        for (Map<String, Object> ingress : m.ofKind("Ingress")) {
            for (Map<String, Object> rule : mapsAt(ingress, "spec", "rules")) {
                for (Map<String, Object> path : mapsAt(rule, "http", "paths")) {
                    soft.assertThat(text(path, "backend", "service", "name")).as("Ingress/" + name(ingress) + " backend")
                            .isEqualTo("gateway");
                }
            }
        }
        List<Manifests.Pod> appPods = m.pods().stream()
                .filter(p -> APP_COMPONENTS.contains(text(p.labels(), "app.kubernetes.io/component"))).toList();
        for (Map<String, Object> deployment : m.ofKind("Deployment")) {
            boolean gateway = "gateway".equals(name(deployment));
            Set<String> allowedNamespaces = gateway
                    ? Set.of(INGRESS_CONTROLLER_NAMESPACE, MONITORING_NAMESPACE) : Set.of(MONITORING_NAMESPACE);
            Map<String, Object> labels = m.podOf(deployment).labels();
            for (Map<String, Object> policy : m.ingressPoliciesFor(labels)) {
                String where = "Deployment/" + name(deployment) + " via NetworkPolicy/" + name(policy);
                for (Map<String, Object> rule : mapsAt(policy, "spec", "ingress")) {
                    List<Map<String, Object>> peers = mapsAt(rule, "from");
                    soft.assertThat(peers).as(where + ": a rule without 'from' admits everyone").isNotEmpty();
                    for (Map<String, Object> peer : peers) {
                        soft.assertThat(peer).as(where + ": no ipBlock peers").doesNotContainKey("ipBlock");
                        if (peer.containsKey("namespaceSelector")) {
                            soft.assertThat(text(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))
                                    .as(where + ": namespaces allowed in").isIn(allowedNamespaces);
                        } else {
                            Map<String, Object> selector = mapAt(peer, "podSelector");
                            soft.assertThat(gateway).as(where + ": the gateway takes no traffic from pods beside it").isFalse();
                            soft.assertThat(Manifests.isEmptySelector(selector)).as(where + ": an empty podSelector admits every pod").isFalse();
                            soft.assertThat(m.pods()).as(where + ": only Hirepipe services may call in")
                                    .filteredOn(p -> Manifests.selects(selector, p.labels()))
                                    .allMatch(appPods::contains);
                        }
                    }
                }
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noSecretValueIsRendered(String overlay) {
        Manifests m = render(overlay);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(m.ofKind("Secret")).as("Secrets are created outside the repository").isEmpty();
        for (Manifests.Pod pod : m.pods()) {
            for (Map<String, Object> c : pod.containers()) {
                for (Map<String, Object> env : mapsAt(c, "env")) {
                    if (SECRET_LIKE.matcher(text(env, "name")).matches()) {
                        soft.assertThat(env).as(pod.owner() + " env " + env.get("name") + " comes from a Secret")
                                .doesNotContainKey("value");
                    }
                }
            }
        }
        for (Map<String, Object> configMap : m.ofKind("ConfigMap")) {
            soft.assertThat(mapAt(configMap, "data").keySet()).as("ConfigMap/" + name(configMap) + " holds no secret")
                    .noneMatch(k -> SECRET_LIKE.matcher(k).matches());
        }
        soft.assertAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everySecretTheManifestsReadIsDocumented(String overlay) {
        String readme = Repo.read("infra/k8s/README.md");
        assertThat(render(overlay).referencedSecrets())
                .as("Secrets named in infra/k8s/README.md (so an operator knows to create them)")
                .isNotEmpty()
                .allMatch(secret -> readme.contains("`" + secret + "`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyConfigMapTheManifestsReadIsRendered(String overlay) {
        Manifests m = render(overlay);
        List<String> missing = new ArrayList<>();
        for (Manifests.Pod pod : m.pods()) {
            for (Map<String, Object> c : pod.containers()) {
                for (Map<String, Object> from : mapsAt(c, "envFrom")) {
                    String configMap = text(from, "configMapRef", "name");
                    if (configMap != null && m.named("ConfigMap", configMap) == null) {
                        missing.add(pod.owner() + " -> " + configMap);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void servicesLogJson(String overlay) {
        assertThat(text(configMap(render(overlay)), "data", "LOGGING_STRUCTURED_FORMAT_CONSOLE")).isEqualTo("ecs");
    }

    /** A consumer instance beyond the partition count would sit idle. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noAutoscalerOutgrowsTheTopicPartitions(String overlay) {
        Manifests m = render(overlay);
        int partitions = Integer.parseInt(text(configMap(m), "data", "HIREPIPE_KAFKA_TOPICS_PARTITIONS"));
        assertThat(m.ofKind("HorizontalPodAutoscaler")).allSatisfy(h ->
                assertThat((Integer) at(h, "spec", "maxReplicas")).as(name(h)).isLessThanOrEqualTo(partitions));
    }

    /**
     * ingress-nginx refuses a body over its proxy-body-size itself, with an HTML 413 the console and API clients
     * cannot read; the gateway must be the one to refuse (problem+json), so the controller lets through every body
     * the gateway accepts: a question bank import of up to max-upload-body (16 MB), not just the 1 MB of the rest.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theIngressLetsThroughEveryBodyTheGatewayAccepts(String overlay) {
        Manifests m = render(overlay);
        Map<String, Object> gatewayYaml = Yamls.document(Repo.read("gateway/src/main/resources/application.yml"));
        Map<String, Object> config = mapAt(configMap(m), "data");
        long accepted = 0;
        for (String limit : List.of("max-request-body", "max-upload-body")) {
            Matcher placeholder = PLACEHOLDER_WITH_DEFAULT.matcher(text(gatewayYaml, "hirepipe", "http", limit));
            assertThat(placeholder.matches()).as("gateway hirepipe.http." + limit + " is ${VARIABLE:default}").isTrue();
            String value = String.valueOf(config.getOrDefault(placeholder.group(1), placeholder.group(2)));
            accepted = Math.max(accepted, bytes(value));
        }
        assertThat(m.ofKind("Ingress")).isNotEmpty();
        for (Map<String, Object> ingress : m.ofKind("Ingress")) {
            String bodySize = text(ingress, "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-body-size");
            assertThat(bodySize).as("Ingress/" + name(ingress) + " proxy-body-size (nginx's default is 1m)").isNotNull();
            long allowed = bytes(bodySize);
            assertThat(allowed == 0 || allowed > accepted)
                    .as("Ingress/%s proxy-body-size %s lets through the gateway's largest body, %d bytes", name(ingress),
                            bodySize, accepted).isTrue();
        }
    }

    /** A size as Spring's DataSize ("16MB"), nginx ("2m"), Kubernetes ("1536Mi") or compose ("1G") writes it, in bytes (all count 1024s). */
    private static long bytes(String size) {
        Matcher matcher = SIZE.matcher(size.strip());
        assertThat(matcher.matches()).as("a size: " + size).isTrue();
        long number = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toUpperCase(java.util.Locale.ROOT)) {
            case "", "B" -> number;
            case "K", "KB" -> number << 10;
            case "M", "MB", "MI" -> number << 20;
            case "G", "GB", "GI" -> number << 30;
            default -> throw new AssertionError("unknown unit in " + size);
        };
    }

    /**
     * notification-service signs in to the SMTP relay with the optional notification-service-smtp credentials. On the
     * submission port 587 relays expect STARTTLS before AUTH (and refuse AUTH, or take the password in clear,
     * without it); on 465 the connection is TLS from the start. Other ports are local sinks (dev's Mailpit).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theSmtpRelayIsSpokenToOverTlsOnTheSubmissionPorts(String overlay) {
        Map<String, Object> config = mapAt(configMap(render(overlay)), "data");
        String port = text(config, "SMTP_PORT");
        assertThat(port).as("SMTP_PORT").isNotNull();
        switch (port) {
            case "587" -> {
                assertThat(text(config, "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE")).as("STARTTLS on 587").isEqualTo("true");
                assertThat(text(config, "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED"))
                        .as("no mail, and no password, without STARTTLS on 587").isEqualTo("true");
            }
            case "465" -> assertThat(text(config, "SPRING_MAIL_PROPERTIES_MAIL_SMTP_SSL_ENABLE")).as("TLS on 465").isEqualTo("true");
            default -> {
                // a local sink: plain SMTP is what it speaks
            }
        }
    }

    /**
     * notification-service's sender defaults to no-reply@hirepipe.local, a name no relay can send for (SPF, DKIM,
     * verified identities): a cluster that emails through a real relay must say which address it sends from.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void emailsGoOutFromAnAddressTheDeploymentNames(String overlay) {
        String from = text(configMap(render(overlay)), "data", "MAIL_FROM");
        assertThat(from).as(overlay + " MAIL_FROM").isNotBlank().matches(".*@[a-z0-9.-]+\\.[a-z]{2,}>?")
                .doesNotContainPattern("@[^>]*\\.(local|localhost|internal)>?$");
        assertThat(Repo.read("notification-service/src/main/resources/application.yml")).contains("${MAIL_FROM:");
    }

    @Test
    void prodReplicatesTopicsThreeTimes() {
        Map<String, Object> config = configMap(render("prod"));
        assertThat(text(config, "data", "HIREPIPE_KAFKA_TOPICS_REPLICATIONFACTOR")).isEqualTo("3");
    }

    static Map<String, Object> configMap(Manifests m) {
        return m.ofKind("ConfigMap").stream().filter(c -> name(c).startsWith("hirepipe-config")).findFirst().orElseThrow();
    }

    private static Object firstNonNull(Object a, Object b) {
        return a != null ? a : b;
    }
}
