package io.hirepipe.gateway.docs;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import tools.jackson.databind.node.ObjectNode;

/** The one public API description, merged from the services' own (see {@link OpenApiAggregator}). */
@RestController
class OpenApiController {

    static final String DOCS = "/api/docs";
    static final String DOCUMENT = DOCS + "/openapi.json";
    static final String SWAGGER_UI = DOCS + "/ui";

    private final OpenApiAggregator aggregator;

    OpenApiController(OpenApiAggregator aggregator) {
        this.aggregator = aggregator;
    }

    /** The address the README gives; Swagger UI itself lives under it (springdoc.swagger-ui.path). */
    @GetMapping(DOCS)
    ResponseEntity<Void> swaggerUi() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(SWAGGER_UI)).build();
    }

    @GetMapping(path = DOCUMENT, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ObjectNode>> document(ServerHttpRequest request) {
        return aggregator.document(request).map(document -> ResponseEntity.ok().body(document));
    }
}
