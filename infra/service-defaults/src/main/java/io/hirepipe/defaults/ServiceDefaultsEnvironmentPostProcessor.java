package io.hirepipe.defaults;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Adds {@code hirepipe-service-defaults.yml} as the lowest-precedence property source, so each
 * service starts from the shared defaults and overrides only what it must. Every trace is sampled
 * when spans are exported (an OTLP endpoint is set), none otherwise, unless
 * HIREPIPE_TRACING_SAMPLING_PROBABILITY says otherwise.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "hirepipe-service-defaults.yml";
    public static final String SOURCE_NAME = "hirepipeServiceDefaults";
    static final String UNEXPORTED_TRACES_SOURCE = "hirepipeUnexportedTraces";
    /** What {@code management.tracing.sampling.probability} falls back to when HIREPIPE_TRACING_SAMPLING_PROBABILITY is unset. */
    static final String SAMPLING_DEFAULT = "hirepipe.tracing.default-sampling-probability";
    public static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load(SOURCE_NAME, new ClassPathResource(RESOURCE, getClass().getClassLoader()));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        if (!tracesLeaveTheProcess(environment)) {
            // Recording spans nobody receives costs every request and record; trace ids still reach logs,
            // headers and the outbox, as they do for an unsampled trace.
            environment.getPropertySources().addBefore(SOURCE_NAME,
                    new MapPropertySource(UNEXPORTED_TRACES_SOURCE, Map.of(SAMPLING_DEFAULT, "0.0")));
        }
    }

    /** Whether spans are exported: an OTLP endpoint is set. */
    public static boolean tracesLeaveTheProcess(ConfigurableEnvironment environment) {
        String endpoint = environment.getProperty(OTLP_ENDPOINT);
        return endpoint != null && !endpoint.isBlank();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
