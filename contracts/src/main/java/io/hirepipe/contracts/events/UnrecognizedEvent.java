package io.hirepipe.contracts.events;

import tools.jackson.databind.JsonNode;

/**
 * What a consumer reads when a producer speaks a type this build does not know yet (a newer
 * producer). Consumers skip it instead of failing, so producers can add event types first.
 */
public record UnrecognizedEvent(String type, JsonNode content, String partitionKey) implements EventPayload {
}
