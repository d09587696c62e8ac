package io.hirepipe.gateway.web;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses request bodies over {@code hirepipe.http.max-request-body} with 413 for the gateway's
 * own endpoints and proxied routes alike: at once when Content-Length declares too much, and while
 * streaming when a chunked body grows past the limit (the body is never buffered whole). A declared length is
 * trusted: the HTTP codec never reads more body than Content-Length says. The upload paths
 * ({@code hirepipe.http.upload-paths}: a whole question bank in one file) have a larger limit of their own.
 */
@Component
public class RequestBodyLimitWebFilter implements WebFilter, Ordered {

    private final long defaultLimit;
    private final long uploadLimit;
    private final List<PathPattern> uploadPaths;

    public RequestBodyLimitWebFilter(DataSize limit) {
        this(limit, limit, List.of());
    }

    @Autowired
    public RequestBodyLimitWebFilter(@Value("${hirepipe.http.max-request-body:1MB}") DataSize limit,
                                     @Value("${hirepipe.http.max-upload-body:16MB}") DataSize uploadLimit,
                                     @Value("${hirepipe.http.upload-paths:}") List<String> uploadPaths) {
        this.defaultLimit = limit.toBytes();
        this.uploadLimit = uploadLimit.toBytes();
        this.uploadPaths = uploadPaths.stream().map(String::trim).filter(p -> !p.isEmpty())
                .map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        boolean chunked = declared < 0 && headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
        // An HTTP/1.1 request without Content-Length or Transfer-Encoding has no body (RFC 9112, 6.3), nor has one
        // that declares a length within the default limit: nothing to count, no path to match (every read is such).
        if (!chunked && declared <= defaultLimit) {
            return chain.filter(exchange);
        }
        long limit = isUpload(exchange) ? uploadLimit : defaultLimit;
        if (declared > limit) {
            return Problems.write(exchange, tooLarge(exchange, limit));
        }
        if (!chunked) {
            return chain.filter(exchange);
        }
        AtomicLong received = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().map(buffer -> {
                    if (received.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        throw new RequestBodyTooLargeException(limit);
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private boolean isUpload(ServerWebExchange exchange) {
        var path = exchange.getRequest().getPath().pathWithinApplication();
        return uploadPaths.stream().anyMatch(pattern -> pattern.matches(path));
    }

    static ProblemDetail tooLarge(ServerWebExchange exchange, long limit) {
        return Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The request body exceeds the limit of " + limit + " bytes.", exchange);
    }

    @Override
    public int getOrder() {
        // Right after the correlation id, before security reads anything.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
