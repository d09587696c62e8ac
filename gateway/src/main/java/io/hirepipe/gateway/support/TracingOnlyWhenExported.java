package io.hirepipe.gateway.support;

import io.hirepipe.defaults.ServiceDefaultsEnvironmentPostProcessor;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

import java.util.List;
import java.util.Map;

/**
 * No tracing in the gateway while no trace endpoint is set. Without one no span is sampled anyway, yet the
 * tracer still opened an (unrecorded) server span for every request and the gateway a client span and a
 * {@code http.client.requests} observation for every proxied call: a share of each proxied request's CPU
 * that nobody receives. So, unless {@code management.opentelemetry.tracing.export.otlp.endpoint} is set, the
 * tracing auto-configurations are left out (Boot then supplies a no-op tracer) and the gateway's client-side
 * observation is off. A client's own {@code traceparent} header is still passed to the service as it came.
 * The request metric stays: {@code http.server.requests}, tagged with the route.
 *
 * <p>Both settings go in at low precedence (just above the service defaults), so an explicit setting wins.
 * The exclusion list replaces the service defaults' one, so it repeats its entry (Prometheus exemplars).
 */
public class TracingOnlyWhenExported implements EnvironmentPostProcessor, Ordered {

    static final String OTLP_ENDPOINT = ServiceDefaultsEnvironmentPostProcessor.OTLP_ENDPOINT;
    static final String SOURCE_NAME = "gatewayTracingOnlyWhenExported";
    private static final String SERVICE_DEFAULTS = ServiceDefaultsEnvironmentPostProcessor.SOURCE_NAME;

    static final List<String> EXCLUDED_WITHOUT_EXPORT = List.of(
            // As in the service defaults: no exemplars on /actuator/prometheus.
            "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        if (ServiceDefaultsEnvironmentPostProcessor.tracesLeaveTheProcess(environment) || sources.contains(SOURCE_NAME)) {
            return;
        }
        MapPropertySource tracingOff = new MapPropertySource(SOURCE_NAME, Map.of(
                "spring.autoconfigure.exclude", String.join(",", EXCLUDED_WITHOUT_EXPORT),
                "spring.cloud.gateway.server.webflux.observability.enabled", "false"));
        if (sources.contains(SERVICE_DEFAULTS)) {
            sources.addBefore(SERVICE_DEFAULTS, tracingOff);
        } else {
            sources.addLast(tracingOff);
        }
    }

    /** After the service defaults have been added, whose exclusion list this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
