package io.hirepipe.defaults;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TraceSamplingDefaultsTest {

    private static final String SAMPLING = "management.tracing.sampling.probability";

    @Test
    void everyTraceIsSampledWhenSpansAreExported() {
        assertThat(sampling(Map.of(ServiceDefaultsEnvironmentPostProcessor.OTLP_ENDPOINT, "http://collector:4318/v1/traces")))
                .isEqualTo("1.0");
    }

    @Test
    void noSpanIsRecordedWhenNothingReceivesIt() {
        assertThat(sampling(Map.of())).isEqualTo("0.0");
        assertThat(sampling(Map.of(ServiceDefaultsEnvironmentPostProcessor.OTLP_ENDPOINT, " "))).isEqualTo("0.0");
    }

    @Test
    void anExplicitProbabilityWinsEitherWay() {
        assertThat(sampling(Map.of("HIREPIPE_TRACING_SAMPLING_PROBABILITY", "0.25"))).isEqualTo("0.25");
        assertThat(sampling(Map.of("HIREPIPE_TRACING_SAMPLING_PROBABILITY", "0.25",
                ServiceDefaultsEnvironmentPostProcessor.OTLP_ENDPOINT, "http://collector:4318/v1/traces"))).isEqualTo("0.25");
    }

    private static String sampling(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(SAMPLING);
    }
}
