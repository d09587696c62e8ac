package io.hirepipe.gateway.security;

import io.hirepipe.defaults.security.InternalTokenIssuer;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Map;

/**
 * The public half of the gateway's internal-token keys, by {@code kid}, for the services to verify
 * with. Public keys are no secret, so this needs no authentication; no private part is ever listed.
 */
@RestController
public class InternalJwksController {

    public static final String PATH = "/.well-known/hirepipe/internal-jwks.json";
    private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final InternalTokenIssuer issuer;

    public InternalJwksController(InternalTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping(PATH)
    public ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok()
                .contentType(JWK_SET)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(issuer.publicJwks());
    }
}
