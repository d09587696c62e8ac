package io.hirepipe.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Stands in for the gateway in service tests: an RSA key generated once per JVM, whose public half is
 * served as a JWKS on loopback. Every test context gets {@code hirepipe.security.internal-token.jwk-set-uri}
 * pointing there, so a service under test verifies tokens exactly as in production; a test signs the
 * tokens a gateway would send with {@link #signingKeysJson()} (e.g. through {@code InternalTokenIssuer}).
 */
public final class TestGatewayKeys {

    static final String JWKS_PATH = "/.well-known/hirepipe/internal-jwks.json";

    private static final Lazy<RSAKey> KEY = Lazy.of(TestGatewayKeys::generate);
    private static final Lazy<HttpServer> SERVER = Lazy.of(TestGatewayKeys::serve);

    private TestGatewayKeys() {
    }

    /** The private signing key as a JWK set (JSON). Test-only, generated at run time. */
    public static String signingKeysJson() {
        return new JWKSet(KEY.get()).toString(false);
    }

    /** Where services under test fetch the public key. */
    public static String jwkSetUri() {
        HttpServer server = SERVER.get();
        return "http://127.0.0.1:" + server.getAddress().getPort() + JWKS_PATH;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-gateway-key").keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the test gateway key", e);
        }
    }

    private static HttpServer serve() {
        byte[] body = new JWKSet(KEY.get()).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(JWKS_PATH, exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            // Several test contexts may fetch at once; don't make them queue behind one thread.
            server.setExecutor(Executors.newCachedThreadPool(daemon -> {
                Thread thread = new Thread(daemon, "test-gateway-jwks");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            AutoCloseable stop = () -> server.stop(0);
            JvmShutdown.closeOnExit("test gateway JWKS", stop);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the test gateway JWKS", e);
        }
    }
}
