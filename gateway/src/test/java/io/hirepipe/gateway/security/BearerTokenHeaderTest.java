package io.hirepipe.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenHeaderTest {

    private final BearerTokenHeader converter = new BearerTokenHeader();
    private final ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

    @Test
    void readsWhatSpringSecurityReadsAndRefusesWhatItRefuses() {
        List<String> headers = new ArrayList<>(List.of("Bearer abc.def-ghi_jkl~mno+pqr/stu", "bearer abc==", "BEARER x",
                "Bearer abc=d", "Bearer ", "Bearer", "Bearer  abc", "Bearer abc ", "Bearer abc\n", "Bearerabc",
                "Basic dXNlcjpwYXNz", "bearerish abc", "Bearer a=b=", "Bearer ===", "Bearer ü", "Bearer abc,def"));
        Random random = new Random(7);
        String alphabet = "aZ09-._~+/= ,;:\t\nüé\"'";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bEaReR ");
            for (int i = random.nextInt(12); i > 0; i--) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(header.toString());
        }
        for (String header : headers) {
            assertThat(outcome(converter.convert(exchange(header)))).as(header).isEqualTo(outcome(spring.convert(exchange(header))));
        }
    }

    @Test
    void aRequestWithoutABearerHeaderIsNotAnAttemptAtAll() {
        assertThat(converter.convert(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/tests"))).blockOptional())
                .isEmpty();
    }

    @Test
    void aMalformedBearerHeaderIsAnInvalidTokenError() {
        assertThat(outcome(converter.convert(exchange("Bearer not a token")))).isEqualTo("error invalid_token");
    }

    private static MockServerWebExchange exchange(String authorization) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/tests").header("Authorization", authorization));
    }

    private static String outcome(Mono<? extends org.springframework.security.core.Authentication> result) {
        try {
            Optional<? extends org.springframework.security.core.Authentication> authentication = result.blockOptional();
            return authentication.map(a -> "token " + ((BearerTokenAuthenticationToken) a).getToken()).orElse("none");
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode();
        }
    }
}
