package io.hirepipe.gateway.docs;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/** The one public API description, merged from the services' own (see {@link OpenApiAggregator}). */
@RestController
class OpenApiController {

    static final String DOCUMENT = "/api/docs/openapi.json";

    private final OpenApiAggregator aggregator;

    OpenApiController(OpenApiAggregator aggregator) {
        this.aggregator = aggregator;
    }

    @GetMapping(path = DOCUMENT, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ObjectNode>> document() {
        return aggregator.document().map(document -> ResponseEntity.ok().body(document));
    }
}
