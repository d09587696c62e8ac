package io.hirepipe.deploychecks;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.hirepipe.deploychecks.Yamls.at;
import static io.hirepipe.deploychecks.Yamls.list;
import static io.hirepipe.deploychecks.Yamls.map;
import static io.hirepipe.deploychecks.Yamls.mapAt;
import static io.hirepipe.deploychecks.Yamls.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of infra/compose/docker-compose.yml, read as YAML (anchors and merge keys resolved).
 * CI additionally runs `docker-compose config` on it (.ci/run).
 */
class ComposeFileTest {

    private static final String FILE = "infra/compose/docker-compose.yml";
    private static final Set<String> PUBLISHED = Set.of("gateway", "mailpit", "prometheus", "grafana", "jaeger");
    private static final Pattern SECRET_LIKE = Pattern.compile(".*(SECRET|PASSWORD|TOKEN|_KEY|_URI)$");
    private static final Pattern MEMORY = Pattern.compile("(\\d+)([MG])");
    private static final Pattern MANDATORY_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?");

    private final Map<String, Object> compose = Yamls.document(Repo.read(FILE));
    private final Map<String, Object> services = mapAt(compose, "services");

    @Test
    void runsTheWholeSystem() {
        assertThat(services.keySet()).containsAll(Repo.SERVICES)
                .contains("mongo", "kafka-1", "kafka-2", "kafka-3", "redis", "mailpit");
        assertThat(text(services, "mongo", "image")).startsWith("mongo:7.");
        assertThat(text(services, "redis", "image")).startsWith("redis:7.");
        assertThat(text(services, "kafka-1", "image")).startsWith("apache/kafka:4.");
    }

    @Test
    void everyContainerHasAHealthcheckLimitsAndWaitsForHealthyDependencies() {
        SoftAssertions soft = new SoftAssertions();
        services.forEach((name, service) -> {
            soft.assertThat(list(at(service, "healthcheck", "test"))).as(name + " healthcheck").isNotEmpty();
            soft.assertThat(mapAt(service, "deploy", "resources", "limits")).as(name + " limits")
                    .containsKeys("cpus", "memory");
            Object dependsOn = at(service, "depends_on");
            soft.assertThat(dependsOn == null || dependsOn instanceof Map).as(name + " depends_on uses conditions").isTrue();
            map(dependsOn).forEach((dependency, condition) -> soft.assertThat(text(condition, "condition"))
                    .as(name + " waits for " + dependency).isEqualTo("service_healthy"));
        });
        soft.assertAll();
    }

    /** The README's sum of the containers' memory limits, what a Docker host must be able to give. */
    @Test
    void theReadmeStatesTheSumOfTheMemoryLimits() {
        long mebibytes = 0;
        for (Object service : services.values()) {
            Matcher size = MEMORY.matcher(text(service, "deploy", "resources", "limits", "memory"));
            assertThat(size.matches()).as("memory limit " + text(service, "deploy", "resources", "limits", "memory")).isTrue();
            mebibytes += Long.parseLong(size.group(1)) * ("G".equals(size.group(2)) ? 1024 : 1);
        }
        String total = String.format(java.util.Locale.ROOT, "%.1f GiB", mebibytes / 1024.0);
        assertThat(Repo.read("README.md")).contains("The memory limits add up to " + total);
    }

    @Test
    void onlyTheGatewayAndMailpitsUiArePublished() {
        services.forEach((name, service) -> {
            if (!PUBLISHED.contains(name)) {
                assertThat(at(service, "ports")).as(name + " publishes no port").isNull();
            }
        });
        assertThat(list(at(services, "gateway", "ports"))).hasSize(1);
        assertThat(list(at(services, "mailpit", "ports"))).singleElement().asString()
                .as("Mailpit's UI stays on the host's loopback").startsWith("127.0.0.1:");
        for (String ui : List.of("prometheus", "grafana", "jaeger")) {
            assertThat(list(at(services, ui, "ports"))).singleElement().asString()
                    .as(ui + "'s UI stays on the host's loopback").startsWith("127.0.0.1:");
        }
    }

    @Test
    void servicesAreBuiltFromTheOneDockerfileAndLockedDown() {
        SoftAssertions soft = new SoftAssertions();
        for (String name : Repo.SERVICES) {
            Object service = services.get(name);
            soft.assertThat(text(service, "build", "dockerfile")).as(name).isEqualTo("infra/docker/Dockerfile");
            soft.assertThat(text(service, "build", "args", "SERVICE")).as(name).isEqualTo(name);
            soft.assertThat(at(service, "read_only")).as(name + " read_only").isEqualTo(true);
            soft.assertThat(list(at(service, "tmpfs"))).as(name + " tmpfs /tmp")
                    .anyMatch(t -> String.valueOf(t).startsWith("/tmp"));
            soft.assertThat(list(at(service, "cap_drop"))).as(name + " cap_drop").contains("ALL");
            soft.assertThat(list(at(service, "security_opt"))).as(name).contains("no-new-privileges:true");
            soft.assertThat(text(service, "environment", "LOGGING_STRUCTURED_FORMAT_CONSOLE")).as(name + " logs JSON")
                    .isEqualTo("ecs");
        }
        soft.assertAll();
    }

    @Test
    void kafkaHasThreeBrokersReplicatingThreeTimesWithTwoInSync() {
        SoftAssertions soft = new SoftAssertions();
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, Object> env = mapAt(services, broker, "environment");
            soft.assertThat(text(env, "KAFKA_CONTROLLER_QUORUM_VOTERS").split(",")).as(broker).hasSize(3);
            soft.assertThat(text(env, "KAFKA_DEFAULT_REPLICATION_FACTOR")).as(broker).isEqualTo("3");
            soft.assertThat(text(env, "KAFKA_MIN_INSYNC_REPLICAS")).as(broker).isEqualTo("2");
        }
        for (String name : List.of("question-service", "assessment-service", "scoring-service", "notification-service")) {
            soft.assertThat(text(services, name, "environment", "HIREPIPE_KAFKA_TOPICS_REPLICATIONFACTOR"))
                    .as(name + " creates its topics with three replicas").isEqualTo("3");
        }
        soft.assertAll();
    }

    @Test
    void mongoIsASingleNodeReplicaSetTheServicesConnectToAsOne() {
        assertThat(String.valueOf(at(services, "mongo", "entrypoint"))).contains("--replSet rs0");
        assertThat(String.valueOf(at(services, "mongo", "healthcheck", "test"))).contains("rs.initiate");
        for (String name : Repo.SERVICES) {
            assertThat(text(services, name, "environment", "MONGODB_URI")).as(name).contains("replicaSet=rs0");
        }
    }

    /**
     * Mailpit keeps every email on the host: a compose installation that people use must be able to name its
     * relay and sender in .env, without editing the file.
     */
    @Test
    void theSmtpRelayAndTheSenderComeFromTheEnvFileWithMailpitAsTheDefault() {
        Map<String, Object> env = mapAt(services, "notification-service", "environment");
        SoftAssertions soft = new SoftAssertions();
        for (String variable : List.of("SMTP_HOST", "SMTP_PORT", "MAIL_FROM", "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE",
                "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED")) {
            soft.assertThat(text(env, variable)).as("notification-service " + variable).isNotNull().matches("\\$\\{[A-Z_]+:-.*}");
        }
        soft.assertThat(text(env, "SMTP_HOST")).endsWith(":-mailpit}");
        soft.assertAll();
    }

    @Test
    void noSecretIsWrittenInTheFile() {
        SoftAssertions soft = new SoftAssertions();
        services.forEach((name, service) -> mapAt(service, "environment").forEach((key, value) -> {
            if (SECRET_LIKE.matcher(key).matches()) {
                soft.assertThat(String.valueOf(value)).as(name + " " + key + " comes from .env").contains("${");
            }
        }));
        soft.assertAll();
    }

    @Test
    void everyMandatoryVariableIsWrittenByGenerateEnvAndTheEnvFileIsIgnored() {
        Set<String> mandatory = new LinkedHashSet<>();
        Matcher matcher = MANDATORY_VARIABLE.matcher(Repo.read(FILE));
        while (matcher.find()) {
            mandatory.add(matcher.group(1));
        }
        String script = Repo.read("infra/compose/generate-env.sh");
        assertThat(mandatory).isNotEmpty().allMatch(v -> script.contains("\n" + v + "="));
        assertThat(Repo.read(".gitignore").lines()).contains("infra/compose/.env");
    }
}
