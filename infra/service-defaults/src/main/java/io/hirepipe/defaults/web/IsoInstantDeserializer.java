package io.hirepipe.defaults.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an instant in a request body only as the API documents it: an ISO-8601 string with a zone or offset, in
 * years 0000 to 9999.
 *
 * <p>Jackson also reads a number as epoch seconds, so a client that sends JavaScript's {@code Date.now()} (epoch
 * milliseconds) got a time in the year 56,900 without a word. And an instant far beyond year 9999 fails later, when
 * MongoDB's driver converts it to a date: a 500 for a typo. Both are now a 400 naming the field.
 */
final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

    IsoInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) context.handleUnexpectedToken(Instant.class, parser);
        }
        String text = parser.getString().strip();
        try {
            // An offset ("+01:00") is read as well as "Z", as Jackson's own reader did.
            Instant instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, OffsetDateTime::from).toInstant();
            if (QueryParameters.storable(instant)) {
                return instant;
            }
        } catch (DateTimeParseException notIso) {
            // answered below, like a year out of range
        }
        return (Instant) context.handleWeirdStringValue(Instant.class, text,
                "not an ISO-8601 instant with a zone, in years 0000 to 9999");
    }
}
