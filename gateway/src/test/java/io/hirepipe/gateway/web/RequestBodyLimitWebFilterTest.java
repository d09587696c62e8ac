package io.hirepipe.gateway.web;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyLimitWebFilterTest {

    private final RequestBodyLimitWebFilter filter = new RequestBodyLimitWebFilter(DataSize.ofBytes(10));

    private static Flux<DataBuffer> chunks(String... parts) {
        return Flux.fromArray(parts).map(p -> DefaultDataBufferFactory.sharedInstance.wrap(p.getBytes(StandardCharsets.UTF_8)));
    }

    /** What the rest of the chain sees, after reading the body it was given. */
    private static ServerWebExchange passOn(RequestBodyLimitWebFilter filter, MockServerWebExchange exchange) {
        AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
        filter.filter(exchange, e -> {
            seen.set(e);
            return e.getRequest().getBody().then();
        }).block();
        return seen.get();
    }

    @Test
    void aRequestWithoutABodyOrWithADeclaredLengthWithinTheLimitPassesOnAsItCame() {
        MockServerWebExchange get = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/questions/1"));
        MockServerWebExchange declared = MockServerWebExchange.from(MockServerHttpRequest.put("/api/v1/candidate/answers")
                .contentLength(10).body("0123456789"));

        assertThat(passOn(filter, get)).isSameAs(get);
        assertThat(passOn(filter, declared)).isSameAs(declared);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsA413ProblemBeforeTheChainRuns() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/auth/login")
                .contentLength(11).body("01234567890"));

        assertThat(passOn(filter, exchange)).isNull();
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(413);
        assertThat(exchange.getResponse().getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void aChunkedBodyIsCountedAsItStreamsAndStoppedOnceItPassesTheLimit() {
        MockServerWebExchange within = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/questions")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked").body(chunks("01234", "56789")));
        MockServerWebExchange over = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/questions")
                .header(HttpHeaders.TRANSFER_ENCODING, "chunked").body(chunks("01234", "56789", "X")));

        assertThat(passOn(filter, within)).isNotSameAs(within);
        assertThatThrownBy(() -> filter.filter(over, e -> e.getRequest().getBody().then()).block())
                .isInstanceOf(RequestBodyTooLargeException.class);
    }

    @Test
    void anUploadPathHasItsOwnLargerLimit() {
        RequestBodyLimitWebFilter withUploads = new RequestBodyLimitWebFilter(DataSize.ofBytes(10), DataSize.ofBytes(20),
                java.util.List.of("/api/v1/questions/import", "/api/v1/questions/import/qti"));
        MockServerWebExchange bankFile = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/questions/import/qti")
                .contentLength(15).body("012345678901234"));
        MockServerWebExchange tooBig = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/questions/import")
                .contentLength(21).body("012345678901234567890"));
        MockServerWebExchange other = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/questions")
                .contentLength(15).body("012345678901234"));

        assertThat(passOn(withUploads, bankFile)).isSameAs(bankFile);
        assertThat(passOn(withUploads, tooBig)).isNull();
        assertThat(tooBig.getResponse().getStatusCode().value()).isEqualTo(413);
        assertThat(passOn(withUploads, other)).isNull();
        assertThat(other.getResponse().getStatusCode().value()).isEqualTo(413);
    }
}
