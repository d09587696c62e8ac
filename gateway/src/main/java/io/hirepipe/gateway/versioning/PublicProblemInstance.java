package io.hirepipe.gateway.versioning;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A problem a service answers names the service's internal path as its {@code instance}
 * ({@code /api/invitations/…}); the client called {@code /api/v1/invitations/…}. This sets
 * {@code instance} to the public path the request was routed from, as the Location rewrite in
 * application.yml does for created resources, so the version stays the gateway's business alone.
 * <p>
 * Only {@code application/problem+json} bodies are read and rewritten; every other answer streams
 * through untouched. A body that is not a JSON object is passed on as it came.
 */
@Component
public class PublicProblemInstance implements GlobalFilter, Ordered {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        // Runs before the routes' RewritePath, so this is still the public path.
        String publicPath = exchange.getRequest().getPath().value();
        ServerHttpResponse response = new InstanceRewriting(exchange.getResponse(), publicPath);
        return chain.filter(exchange.mutate().response(response).build());
    }

    @Override
    public int getOrder() {
        // Must wrap the response before NettyWriteResponseFilter writes the service's body into it.
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    private static final class InstanceRewriting extends ServerHttpResponseDecorator {

        private final String publicPath;

        InstanceRewriting(ServerHttpResponse delegate, String publicPath) {
            super(delegate);
            this.publicPath = publicPath;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            if (!isProblem(getHeaders())) {
                return super.writeWith(body);
            }
            return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                byte[] original = new byte[joined.readableByteCount()];
                joined.read(original);
                DataBufferUtils.release(joined);
                byte[] rewritten = withPublicInstance(original);
                HttpHeaders headers = getHeaders();
                headers.remove(HttpHeaders.TRANSFER_ENCODING);
                headers.setContentLength(rewritten.length);
                return super.writeWith(Mono.just(bufferFactory().wrap(rewritten)));
            });
        }

        private byte[] withPublicInstance(byte[] body) {
            try {
                JsonNode problem = JSON.readTree(body);
                if (!(problem instanceof ObjectNode object) || !object.has("instance")) {
                    return body;
                }
                object.put("instance", publicPath);
                return JSON.writeValueAsBytes(object);
            } catch (JacksonException notJson) {
                return body;
            }
        }

        private static boolean isProblem(HttpHeaders headers) {
            MediaType type = headers.getContentType();
            return type != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type);
        }
    }
}
