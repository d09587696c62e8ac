package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.eval.DevSet;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's free-text grader is the semantic one, configured from application.yml and overridable;
 * the LLM grader only when enabled.
 */
class SemanticGradingWiringTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(SemanticGradingConfiguration.class, FreeTextGraderSelection.class, SemanticFreeTextGrader.class,
                    LexicalFreeTextGrader.class, RubricMatcher.class, MiniLmSentenceEmbedder.class, NeighbouringQuestions.class);

    @Test
    void theSemanticGraderIsTheFreeTextGraderAndTheLexicalOneStaysItsFallback() {
        context.run(c -> {
            assertThat(c.getBean(FreeTextGrader.class)).isInstanceOf(SemanticFreeTextGrader.class);
            assertThat(c.getBean(FreeTextGrader.class)).isSameAs(c.getBean(SemanticFreeTextGrader.class));
        });
    }

    @Test
    void theServicesGraderKnowsTheStarterBanksOtherQuestions() {
        FreeTextRubric cap = DevSet.load().rubrics().get("cap-theorem");

        // without the map, a clause of this answer partly meets the CAP theorem's three properties (SemanticFreeTextGraderTest)
        context.run(c -> assertThat(c.getBean(SemanticFreeTextGrader.class).grade(SemanticFreeTextGraderTest.ACID_UNDER_CAP,
                        cap).keyPoints())
                .extracting(FreeTextGrade.KeyPointEvidence::verdict).containsOnly(FreeTextGrade.Verdict.MISSED));
    }

    @Test
    void theLlmGraderIsOffByDefaultAndTakesOverWhenEnabled() {
        context.run(c -> assertThat(c.getBean(LlmGradingSettings.class).enabled()).isFalse());
        context.withPropertyValues("hirepipe.grading.llm.enabled=true", "hirepipe.grading.llm.base-url=http://127.0.0.1:9/v1",
                        "hirepipe.grading.llm.api-key=k")
                .run(c -> assertThat(c.getBean(FreeTextGrader.class)).isInstanceOf(LlmFreeTextGrader.class));
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
