package io.hirepipe.gateway.support;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TracingOnlyWhenExportedTest {

    private static final String EXCLUDE = "spring.autoconfigure.exclude";
    private static final String GATEWAY_OBSERVATIONS = "spring.cloud.gateway.server.webflux.observability.enabled";

    @Test
    void withoutATraceEndpointTracingIsLeftOutButExemplarsStayExcluded() {
        StandardEnvironment environment = processed(Map.of());

        assertThat(environment.getProperty(EXCLUDE))
                .contains("MicrometerTracingAutoConfiguration", "OpenTelemetryTracingAutoConfiguration",
                        "PrometheusExemplarsAutoConfiguration");
        assertThat(environment.getProperty(GATEWAY_OBSERVATIONS)).isEqualTo("false");
        assertThat(processed(Map.of(TracingOnlyWhenExported.OTLP_ENDPOINT, " ")).getProperty(GATEWAY_OBSERVATIONS))
                .isEqualTo("false");
    }

    @Test
    void withATraceEndpointEverythingIsTracedAsBefore() {
        StandardEnvironment environment = processed(Map.of(TracingOnlyWhenExported.OTLP_ENDPOINT,
                "http://collector:4318/v1/traces"));

        assertThat(environment.getProperty(EXCLUDE)).isNull();
        assertThat(environment.getProperty(GATEWAY_OBSERVATIONS)).isNull();
    }

    @Test
    void anExplicitSettingWins() {
        StandardEnvironment environment = processed(Map.of(GATEWAY_OBSERVATIONS, "true"));

        assertThat(environment.getProperty(GATEWAY_OBSERVATIONS)).isEqualTo("true");
    }

    private static StandardEnvironment processed(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new TracingOnlyWhenExported().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
