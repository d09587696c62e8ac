package io.hirepipe.scoring.grading;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The optional LLM grader, under {@code hirepipe.grading.llm}. Off unless {@code enabled}; any
 * OpenAI-compatible chat API.
 *
 * @param baseUrl for example {@code https://api.openai.com/v1} or a local server's {@code /v1}
 * @param timeout how long one answer may take before the embedded grader answers instead
 */
@ConfigurationProperties("hirepipe.grading.llm")
public record LlmGradingSettings(boolean enabled, String baseUrl, String model, String apiKey, Duration timeout) {

    public LlmGradingSettings {
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }
}
