package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.eval.FreeTextEvaluation;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's free-text grader is the semantic one, configured from application.yml and overridable. */
class SemanticGradingWiringTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(SemanticGradingConfiguration.class, SemanticFreeTextGrader.class,
                    LexicalFreeTextGrader.class, RubricMatcher.class, MiniLmSentenceEmbedder.class);

    @Test
    void theSemanticGraderIsTheFreeTextGraderAndTheLexicalOneStaysItsFallback() {
        context.run(c -> {
            assertThat(c.getBean(FreeTextGrader.class)).isInstanceOf(SemanticFreeTextGrader.class);
            assertThat(c.getBeansOfType(FreeTextGrader.class)).hasSize(2);
        });
    }

    @Test
    void thresholdsComeFromApplicationYml() {
        context.run(c -> assertThat(c.getBean(SemanticGradingSettings.class))
                .isEqualTo(FreeTextEvaluation.applicationSettings()));
    }

    @Test
    void aThresholdCanBeOverridden() {
        context.withPropertyValues("hirepipe.grading.semantic.met-at=0.95")
                .run(c -> assertThat(c.getBean(SemanticGradingSettings.class).metAt()).isEqualTo(0.95));
    }
}
