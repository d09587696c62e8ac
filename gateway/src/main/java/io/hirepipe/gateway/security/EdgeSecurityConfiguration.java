package io.hirepipe.gateway.security;

import io.hirepipe.gateway.apikey.ApiKeyAuthentication;
import io.hirepipe.gateway.apikey.ApiKeys;
import io.hirepipe.gateway.auth.BrowserSessionAuthentication;
import io.hirepipe.gateway.auth.BrowserSessions;
import io.hirepipe.gateway.identity.SignInChecks;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.CallerKind;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import io.hirepipe.gateway.versioning.PublicApi;
import io.hirepipe.gateway.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * Who may call what at the edge. Every request proves itself with a gateway-issued bearer token
 * (recruiters, candidates), an API key (platform clients) or the console's session cookie (recruiters
 * in the browser). Only that cookie is sent by browsers on their own, so CSRF protection applies to
 * cookie-authenticated requests alone ({@link BrowserSessionAuthentication}); Spring's own session-bound
 * CSRF filter stays off, as there is no Spring session.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class EdgeSecurityConfiguration {

    @Bean
    EdgeTokens edgeTokens(EdgeTokenProperties properties, Clock clock) {
        // HS256 is fine here: only the gateway ever verifies these. Services accept only RS256 internal tokens.
        return new EdgeTokens(properties, clock);
    }

    /**
     * Spring Security wraps each of its filters, the authentication and the authorization of every request in
     * an observation and a Reactor checkpoint. Nothing reads those timers or spans, and switching them off by
     * name ({@code management.observations.enable.spring.security}) still left the wrappers in place, a
     * measurable share of a proxied request's CPU. Without them Security builds its chain unwrapped; the
     * request itself is still timed (http.server.requests, with its route).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Also tells Boot not to invent an in-memory user with a generated password. */
    @Bean
    ReactiveJwtDecoder edgeTokenDecoder(EdgeTokens tokens) {
        return tokens.decoder();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Spring Security's strict firewall, its header rule checked without a regular expression ({@link HeaderCharacters}),
     * behind a check that the path and query decode to UTF-8 ({@link Utf8RequestFirewall}).
     */
    @Bean
    ServerWebExchangeFirewall edgeFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
        return new Utf8RequestFirewall(firewall);
    }

    /** Requests the firewall refuses (e.g. {@code /api/../internal}) get a problem too, not an empty 400. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequestAsProblem() {
        return (exchange, rejected) -> Problems.write(exchange, Problems.problem(HttpStatus.BAD_REQUEST,
                "rejected-request", "Bad request", rejected instanceof Utf8RequestFirewall.NotUtf8Exception
                        ? rejected.getMessage() : "The request path or headers are not acceptable.", exchange));
    }

    /**
     * A person's token counts only while their account is active and the sign-in it belongs to has not
     * ended, and with the role they have now ({@link SignInChecks}); candidates' tokens are bound to one
     * session and checked by assessment-service.
     */
    private static Mono<AbstractAuthenticationToken> standing(Caller caller, Jwt token, SignInChecks signIns) {
        if (!caller.is(CallerKind.RECRUITER)) {
            return Mono.just(new CallerAuthentication(caller));
        }
        return signIns.current(caller, token.getClaimAsString(EdgeTokens.SIGN_IN))
                .<AbstractAuthenticationToken>map(CallerAuthentication::new)
                .switchIfEmpty(Mono.error(() -> new InvalidBearerTokenException(
                        "This sign-in has ended or the account is no longer active. Sign in again.")));
    }

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, ReactiveJwtDecoder edgeTokenDecoder, ApiKeys apiKeys,
                                        BrowserSessions browserSessions, SignInChecks signIns, GatewayProperties routes,
                                        ObjectProvider<RequestMappingInfoHandlerMapping> ownMappings) {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", InternalJwksController.PATH).permitAll()
                        // The API description is public: it names paths and scopes, never a secret.
                        .pathMatchers("/api/docs", "/api/docs/**").permitAll()
                        // Unversioned aliases arrive here already rewritten to /api/v1 (LegacyPathAliases).
                        .pathMatchers(PublicApi.AUTH + "/candidate/renew").access(RequiredRoles.anyOf("CANDIDATE"))
                        .pathMatchers(PublicApi.AUTH + "/**").permitAll()
                        .pathMatchers(PublicApi.V1 + "/candidate/**").access(RequiredRoles.anyOf("CANDIDATE"))
                        .pathMatchers(PublicApi.V1 + "/api-keys/**", PublicApi.V1 + "/users/**")
                                .access(RequiredRoles.anyOf("ADMIN"))
                        .pathMatchers(PublicApi.V1 + "/**").access(new ApiScopeAuthorization(new OperationPaths(routes, ownMappings)))
                        .pathMatchers("/api/**").hasAnyRole("VIEWER", "PLATFORM")
                        // Nothing else has a handler (so: 404), /internal/** included: no route leads there.
                        .anyExchange().permitAll())
                .headers(BrowserHeaders::apply)
                .addFilterAt(ApiKeyAuthentication.filter(apiKeys, problems), SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAt(new BrowserSessionAuthentication(browserSessions, signIns), SecurityWebFiltersOrder.AUTHENTICATION)
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerTokenHeader())
                        .jwt(jwt -> jwt.jwtDecoder(edgeTokenDecoder).jwtAuthenticationConverter(
                                token -> standing(EdgeTokens.callerOf(token), token, signIns)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }
}
