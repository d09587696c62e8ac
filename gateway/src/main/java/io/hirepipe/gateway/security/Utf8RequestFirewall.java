package io.hirepipe.gateway.security;

import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a request whose path or query does not decode to UTF-8 ({@code /api/v1/tests/%FF%FE}), before any
 * other check: the gateway would pass it on, and the services' Tomcat refuses such a path with an HTML page and
 * fails on such a query parameter. Everything else is the wrapped firewall's to decide.
 */
final class Utf8RequestFirewall implements ServerWebExchangeFirewall {

    private final ServerWebExchangeFirewall next;

    Utf8RequestFirewall(ServerWebExchangeFirewall next) {
        this.next = next;
    }

    @Override
    public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
        URI uri = exchange.getRequest().getURI();
        if (!decodesToUtf8(uri.getRawPath()) || !decodesToUtf8(uri.getRawQuery())) {
            return Mono.error(new NotUtf8Exception());
        }
        return next.getFirewalledExchange(exchange);
    }

    /** True when {@code raw} (null: nothing), its %XX escapes decoded, is UTF-8; false for a broken escape too. */
    static boolean decodesToUtf8(String raw) {
        if (raw == null || plainAscii(raw)) {
            return true;
        }
        byte[] bytes = new byte[raw.length()];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
            } else if (c > 0xFF) {
                return false;
            } else {
                // Netty reads the request line byte by byte, so an unescaped byte arrives as a char up to 0xFF
                bytes[length++] = (byte) c;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean plainAscii(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Told apart from the wrapped firewall's refusals so that its problem can say what is wrong. */
    static final class NotUtf8Exception extends ServerExchangeRejectedException {
        NotUtf8Exception() {
            super("The request path or query is not valid percent-encoded UTF-8.");
        }
    }
}
