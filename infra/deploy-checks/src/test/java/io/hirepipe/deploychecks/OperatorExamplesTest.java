package io.hirepipe.deploychecks;

import io.hirepipe.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.hirepipe.deploychecks.Manifests.name;
import static io.hirepipe.deploychecks.Yamls.at;
import static io.hirepipe.deploychecks.Yamls.mapsAt;
import static io.hirepipe.deploychecks.Yamls.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example operator resources (infra/k8s/operators) and the prod overlay must fit together: the
 * names the services read are the names the operators create.
 */
class OperatorExamplesTest {

    private static Manifests operators;
    private static Manifests prod;

    @BeforeAll
    static void render() {
        Kustomize.requireKubectl();
        operators = new Manifests(Kustomize.render(Repo.path("infra/k8s/operators")));
        prod = new Manifests(Kustomize.render(Repo.path("infra/k8s/overlays/prod")));
    }

    @Test
    void kafkaTopicsAreTheContractsTopicsReplicatedThreeTimesWithTwoInSync() {
        List<String> expected = Topics.ALL.stream().flatMap(t -> Stream.of(t, Topics.deadLetterOf(t))).toList();
        assertThat(operators.ofKind("KafkaTopic")).extracting(t -> text(t, "spec", "topicName"))
                .containsExactlyInAnyOrderElementsOf(expected);
        String partitions = text(KubernetesOverlaysTest.configMap(prod), "data", "HIREPIPE_KAFKA_TOPICS_PARTITIONS");
        for (Map<String, Object> topic : operators.ofKind("KafkaTopic")) {
            assertThat(text(topic, "spec", "partitions")).as(name(topic) + " partitions match the services' setting")
                    .isEqualTo(partitions);
            assertThat(at(topic, "spec", "replicas")).as(name(topic) + " replicas").isEqualTo(3);
            assertThat(text(topic, "spec", "config", "min.insync.replicas")).as(name(topic)).isEqualTo("2");
        }
        Map<String, Object> questions = operators.ofKind("KafkaTopic").stream()
                .filter(t -> Topics.QUESTIONS.equals(text(t, "spec", "topicName"))).findFirst().orElseThrow();
        assertThat(text(questions, "spec", "config", "retention.ms")).as("question versions are kept forever").isEqualTo("-1");
        // the rest hold names and answers: they expire before the shortest retention a tenant can choose
        // (the audit topic, staff and ids only, keeps its own bound, as the services declare it)
        for (Map<String, Object> topic : operators.ofKind("KafkaTopic")) {
            String topicName = text(topic, "spec", "topicName");
            if (!Topics.QUESTIONS.equals(topicName)) {
                assertThat(text(topic, "spec", "config", "retention.ms")).as(name(topic) + " retention")
                        .isEqualTo(String.valueOf(Topics.boundedRetention(topicName).orElse(Topics.BOUNDED_RETENTION).toMillis()));
                assertThat(text(topic, "spec", "config", "segment.ms")).as(name(topic) + " segment roll")
                        .isEqualTo(String.valueOf(Topics.SEGMENT_ROLL.toMillis()));
            }
        }
    }

    /**
     * A submission is one record of up to 4 MiB (the producers' max.request.size). Topics the services create
     * take that (KafkaDefaultsAutoConfiguration.MAX_RECORD_BYTES); Strimzi's topics must say the same, or the
     * broker's 1 MB default refuses a large submission and the outbox parks it unscored. Equal, not just larger:
     * the services compare their declaration with the topic at start-up (modify-topic-configs) and may not alter it.
     */
    @Test
    void kafkaTopicsTakeTheRecordsTheServicesDeclareThemFor() throws ReflectiveOperationException {
        Field field = Class.forName("io.hirepipe.defaults.kafka.KafkaDefaultsAutoConfiguration").getDeclaredField("MAX_RECORD_BYTES");
        field.setAccessible(true);
        int declared = field.getInt(null);
        long producers = Long.parseLong(text(Yamls.document(Repo.read(
                "infra/service-defaults/src/main/resources/hirepipe-service-defaults.yml")),
                "spring", "kafka", "producer", "properties", "max.request.size"));
        assertThat((long) declared).as("the services' topics take the producers' largest request").isGreaterThanOrEqualTo(producers);
        assertThat(operators.ofKind("KafkaTopic")).isNotEmpty().allSatisfy(topic ->
                assertThat(text(topic, "spec", "config", "max.message.bytes")).as(name(topic) + " max.message.bytes")
                        .isEqualTo(String.valueOf(declared)));
    }

    /** Comparing a declaration with the topic (spring.kafka.admin.modify-topic-configs) reads the topic's configuration. */
    @Test
    void everyServiceMayReadTheTopicConfigurationItChecksAtStartUp() {
        String defaults = Repo.read("infra/service-defaults/src/main/resources/hirepipe-service-defaults.yml");
        assertThat(text(Yamls.document(defaults), "spring", "kafka", "admin", "modify-topic-configs")).isEqualTo("true");
        assertThat(operators.ofKind("KafkaUser")).isNotEmpty().allSatisfy(user -> assertThat(
                mapsAt(user, "spec", "authorization", "acls").stream()
                        .filter(acl -> "topic".equals(text(acl, "resource", "type"))
                                && "hirepipe.".equals(text(acl, "resource", "name"))
                                && "prefix".equals(text(acl, "resource", "patternType")))
                        .flatMap(acl -> Yamls.list(acl.get("operations")).stream()).map(String::valueOf).toList())
                .as(name(user) + " on every hirepipe.* topic").contains("Describe", "DescribeConfigs"));
    }

    @Test
    void kafkaClusterHasThreeNodesAndRequiresTwoInSyncReplicas() {
        Map<String, Object> kafka = operators.ofKind("Kafka").get(0);
        assertThat(text(kafka, "spec", "kafka", "config", "min.insync.replicas")).isEqualTo("2");
        assertThat(text(kafka, "spec", "kafka", "config", "default.replication.factor")).isEqualTo("3");
        int brokers = operators.ofKind("KafkaNodePool").stream()
                .filter(p -> String.valueOf(at(p, "spec", "roles")).contains("broker"))
                .mapToInt(p -> (Integer) at(p, "spec", "replicas")).sum();
        assertThat(brokers).isGreaterThanOrEqualTo(3);
        assertThat(text(KubernetesOverlaysTest.configMap(prod), "data", "KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo(name(kafka) + "-kafka-bootstrap:9092");
    }

    @Test
    void everyKafkaSecretTheServicesReadBelongsToAKafkaUser() {
        List<String> users = operators.ofKind("KafkaUser").stream().map(Manifests::name).toList();
        assertThat(secretsReadWithKey("sasl.jaas.config")).isNotEmpty().allMatch(users::contains);
    }

    @Test
    void everyMongoConnectionStringTheServicesReadIsWrittenByTheOperator() {
        List<String> written = operators.ofKind("MongoDBCommunity").stream()
                .flatMap(m -> mapsAt(m, "spec", "users").stream())
                .map(u -> text(u, "connectionStringSecretName")).toList();
        assertThat(secretsReadWithKey("connectionString.standard")).isNotEmpty().allMatch(written::contains);
    }

    @Test
    void redisIsWhereTheServicesLook() {
        assertThat(operators.ofKind("Redis")).extracting(Manifests::name)
                .contains(text(KubernetesOverlaysTest.configMap(prod), "data", "REDIS_HOST"));
    }

    private static List<String> secretsReadWithKey(String key) {
        return prod.pods().stream().flatMap(p -> p.containers().stream())
                .flatMap(c -> mapsAt(c, "env").stream())
                .filter(e -> key.equals(text(e, "valueFrom", "secretKeyRef", "key")))
                .map(e -> text(e, "valueFrom", "secretKeyRef", "name")).distinct().toList();
    }
}
