package io.hirepipe.defaults.web;

import io.hirepipe.defaults.correlation.CorrelationIdFilter;
import io.hirepipe.defaults.correlation.CorrelationIdRestClientCustomizer;

import io.hirepipe.defaults.problem.ProblemDetailsAdvice;
import io.hirepipe.defaults.problem.RequestBodyLimitFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import java.util.List;

/** Correlation ids, body limits and problem+json for servlet services, and correlation for RestClient. */
/*
 * Before Boot's WebMvcAutoConfiguration, so that its own problem-details handler backs off in favour
 * of ours (it is conditional on no other ResponseEntityExceptionHandler).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
public class WebDefaultsAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletWeb {

        @Bean
        FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
            FilterRegistrationBean<CorrelationIdFilter> registration =
                    new FilterRegistrationBean<>(new CorrelationIdFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }

        @Bean
        FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
                @Value("${hirepipe.http.max-request-body:256KB}") DataSize limit,
                @Value("${hirepipe.http.max-upload-body:16MB}") DataSize uploadLimit,
                @Value("${hirepipe.http.upload-paths:}") List<String> uploadPaths) {
            FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                    new RequestBodyLimitFilter(limit.toBytes(), uploadLimit.toBytes(), uploadPaths));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }

        @Bean
        ProblemDetailsAdvice problemDetailsAdvice() {
            return new ProblemDetailsAdvice();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.restclient.RestClientCustomizer")
    static class RestClientPropagation {

        @Bean
        CorrelationIdRestClientCustomizer correlationIdRestClientCustomizer() {
            return new CorrelationIdRestClientCustomizer();
        }
    }
}
