package io.hirepipe.defaults.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

/**
 * Services trust nobody but the gateway: every endpoint except health, info and prometheus needs
 * the internal token, and the caller it names is available to controllers as a {@link Caller}.
 * (The gateway itself is reactive and signs these tokens rather than verifying them.)
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableConfigurationProperties(InternalTokenProperties.class)
public class InternalTokenSecurityAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @EnableMethodSecurity
    static class ServletSecurity implements WebMvcConfigurer {

        @Bean
        @ConditionalOnMissingBean
        InternalToken internalToken(InternalTokenProperties properties) {
            return new InternalToken(properties, Clock.systemUTC());
        }

        @Bean
        @ConditionalOnMissingBean
        JwtDecoder internalTokenDecoder(InternalToken internalToken) {
            return internalToken.decoder();
        }

        /** Method security applies ADMIN > RECRUITER > VIEWER too (the authorities are expanded already). */
        @Bean
        @ConditionalOnMissingBean
        static RoleHierarchy roleHierarchy() {
            return Role.HIERARCHY;
        }

        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain internalTokenFilterChain(HttpSecurity http, JwtDecoder decoder) throws Exception {
            ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
            http.csrf(AbstractHttpConfigurer::disable)
                    .httpBasic(AbstractHttpConfigurer::disable)
                    .formLogin(AbstractHttpConfigurer::disable)
                    .logout(AbstractHttpConfigurer::disable)
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(requests -> requests
                            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                    "/actuator/prometheus", "/error").permitAll()
                            // The API description holds no secrets: the gateway fetches it without a token to
                            // merge it into the public document. Actuator is kept out of it (springdoc defaults).
                            .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
                            .anyRequest().authenticated())
                    .oauth2ResourceServer(server -> server
                            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(token ->
                                    new JwtAuthenticationToken(token, InternalToken.callerOf(token).authorities(),
                                            token.getSubject())))
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems)
                            .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                                @Override
                                public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                    filter.setAuthenticationFailureHandler(problems);
                                    return filter;
                                }
                            }))
                    .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
            return http.build();
        }

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new CallerArgumentResolver());
        }
    }
}
