package io.hirepipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;

class InfrastructureContextCustomizerTest {

    private final InfrastructureContextCustomizerFactory factory = new InfrastructureContextCustomizerFactory();

    @Test
    void ignoresTestClassesThatDoNotAskForInfrastructure() {
        assertThat(factory.createContextCustomizer(NoInfrastructure.class, List.of())).isNull();
    }

    @Test
    void findsTheAnnotationOnSuperclassesAndMetaAnnotations() {
        ContextCustomizer inherited = factory.createContextCustomizer(InheritsMongo.class, List.of());
        ContextCustomizer meta = factory.createContextCustomizer(MetaAnnotatedMongo.class, List.of());

        InfrastructureContextCustomizer expected =
                new InfrastructureContextCustomizer(Set.of(Infra.MONGO), InfrastructureMode.EMBEDDED);
        assertThat(inherited).isEqualTo(expected);
        assertThat(meta).isEqualTo(expected);
    }

    @Test
    void resolvesAutoSoThatItSharesAContextWithTheModeItStandsFor() {
        ContextCustomizer auto = factory.createContextCustomizer(AutoKafka.class, List.of());

        assertThat(auto).isEqualTo(new InfrastructureContextCustomizer(Set.of(Infra.KAFKA), TestInfrastructure.mode()));
    }

    @Test
    void equalityFollowsTheRequestedSetAndModeSoSpringCachesContexts() {
        var kafkaAndMongo = new InfrastructureContextCustomizer(
                EnumSet.of(Infra.KAFKA, Infra.MONGO), InfrastructureMode.EMBEDDED);
        var mongoAndKafka = new InfrastructureContextCustomizer(
                Set.of(Infra.MONGO, Infra.KAFKA), InfrastructureMode.EMBEDDED);

        assertThat(kafkaAndMongo).isEqualTo(mongoAndKafka).hasSameHashCodeAs(mongoAndKafka);
        assertThat(kafkaAndMongo)
                .isNotEqualTo(new InfrastructureContextCustomizer(Set.of(Infra.KAFKA), InfrastructureMode.EMBEDDED))
                .isNotEqualTo(new InfrastructureContextCustomizer(
                        Set.of(Infra.KAFKA, Infra.MONGO), InfrastructureMode.CONTAINERS));
        assertThatThrownBy(() -> new InfrastructureContextCustomizer(Set.of(), InfrastructureMode.AUTO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachApplicationContextGetsADatabaseOfItsOwn() {
        var customizer = new InfrastructureContextCustomizer(Set.of(Infra.MONGO), InfrastructureMode.EMBEDDED);

        try (var first = new GenericApplicationContext(); var second = new GenericApplicationContext()) {
            customizer.customizeContext(first, null);
            customizer.customizeContext(second, null);

            String firstDatabase = first.getEnvironment().getProperty("spring.mongodb.database");
            String secondDatabase = second.getEnvironment().getProperty("spring.mongodb.database");
            assertThat(firstDatabase).isNotBlank().isNotEqualTo(secondDatabase);
            assertThat(first.getEnvironment().getProperty("spring.mongodb.uri"))
                    .isEqualTo(second.getEnvironment().getProperty("spring.mongodb.uri"))
                    .startsWith("mongodb://");
        }
    }

    @Test
    void setsOnlyWhatWasRequestedPlusTheInternalTokenKeys() {
        var customizer = new InfrastructureContextCustomizer(Set.of(Infra.SMTP), InfrastructureMode.EMBEDDED);

        Map<String, Object> properties = customizer.properties();

        assertThat(properties).containsOnlyKeys(
                "hirepipe.security.internal-token.secret", "hirepipe.security.internal-token.jwk-set-uri",
                "spring.mail.host", "spring.mail.port");
        assertThat(properties).containsEntry("spring.mail.port", TestInfrastructure.smtp().port());
    }

    @Test
    void winsOverPropertiesDeclaredOnTheTest() {
        var customizer = new InfrastructureContextCustomizer(Set.of(Infra.SMTP), InfrastructureMode.EMBEDDED);
        try (var context = new GenericApplicationContext()) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("Inlined Test Properties", Map.of("spring.mail.port", "1")));

            customizer.customizeContext(context, null);

            assertThat(context.getEnvironment().getProperty("spring.mail.port", Integer.class))
                    .isEqualTo(TestInfrastructure.smtp().port());
        }
    }

    static class NoInfrastructure {
    }

    @UsesInfrastructure(value = Infra.MONGO, mode = InfrastructureMode.EMBEDDED)
    static class MongoBase {
    }

    static class InheritsMongo extends MongoBase {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @UsesInfrastructure(value = Infra.MONGO, mode = InfrastructureMode.EMBEDDED)
    @interface WithEmbeddedMongo {
    }

    @WithEmbeddedMongo
    static class MetaAnnotatedMongo {
    }

    @UsesInfrastructure(Infra.KAFKA)
    static class AutoKafka {
    }
}
