package io.hirepipe.scoring.grading;

import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Which grader scores free text: the embedded semantic grader, or, when {@code hirepipe.grading.llm.enabled}
 * is true, the LLM grader with the semantic one as its fallback.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmGradingSettings.class)
class FreeTextGraderSelection {

    @Bean
    @Primary
    FreeTextGrader freeTextGrader(SemanticFreeTextGrader semantic, LlmGradingSettings llm, SemanticGradingSettings settings) {
        if (!llm.enabled()) {
            return semantic;
        }
        OpenAiChatModel chat = OpenAiChatModel.builder()
                .options(OpenAiChatOptions.builder()
                        .baseUrl(llm.baseUrl())
                        .apiKey(llm.apiKey())
                        .model(llm.model())
                        .temperature(0.0)
                        .timeout(llm.timeout())
                        .maxRetries(0)
                        .build())
                .build();
        return new LlmFreeTextGrader(chat, semantic, llm.timeout(), settings);
    }
}
