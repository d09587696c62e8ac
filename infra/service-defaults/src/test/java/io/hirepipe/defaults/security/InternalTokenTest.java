package io.hirepipe.defaults.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.hirepipe.testkit.TestGatewayKeys;
import io.hirepipe.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalTokenTest {

    private static final String SERVICE = "question-service";
    private static final String SECRET = TestInfrastructure.INTERNAL_TOKEN_SECRET;

    private final InternalToken tokens = verifierFor(SERVICE, SECRET);
    private final InternalTokenIssuer gateway = issuer(TestGatewayKeys.signingKeysJson(), Clock.systemUTC());

    @Test
    void aGatewayTokenCarriesTheCallerToTheService() {
        Caller candidate = Caller.candidate("tenant-a", "inv-42");

        Jwt jwt = tokens.decoder().decode(gateway.issue(candidate, SERVICE));

        assertThat(InternalToken.callerOf(jwt)).isEqualTo(candidate);
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", gateway.signingKeyId());
    }

    @Test
    void aRecruiterTokenKeepsTheEmail() {
        Caller recruiter = Caller.recruiter("tenant-a", "user-1", "rita@example.com");

        assertThat(InternalToken.callerOf(tokens.decoder().decode(gateway.issue(recruiter, SERVICE)))).isEqualTo(recruiter);
    }

    @Test
    void aPersonsTokenCarriesTheRoleAndItsImpliedAuthorities() {
        Caller admin = Caller.user("tenant-a", "user-1", "ada@example.com", Role.ADMIN);
        Caller viewer = Caller.user("tenant-a", "user-2", "vic@example.com", Role.VIEWER);

        Caller readAdmin = InternalToken.callerOf(tokens.decoder().decode(gateway.issue(admin, SERVICE)));
        Caller readViewer = InternalToken.callerOf(tokens.decoder().decode(gateway.issue(viewer, SERVICE)));

        assertThat(readAdmin).isEqualTo(admin);
        assertThat(readAdmin.authorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_RECRUITER", "ROLE_VIEWER");
        assertThat(readViewer.authorities()).extracting(Object::toString).containsExactly("ROLE_VIEWER");
        assertThat(Caller.recruiter("tenant-a", "u", null).role()).isEqualTo(Role.RECRUITER);
        assertThat(Caller.platform("tenant-a", "key-1").authorities()).extracting(Object::toString)
                .containsExactly("ROLE_PLATFORM");
    }

    @Test
    void aPersonsTokenWithoutARoleIsRefused() {
        // What a gateway from before roles signed: refused, so nobody keeps powers they were never given.
        String noRole = gatewaySigned("{\"iss\":\"hirepipe\",\"aud\":[\"" + SERVICE + "\"],\"sub\":\"u\","
                + "\"tenant\":\"tenant-a\",\"kind\":\"RECRUITER\",\"exp\":" + (Instant.now().getEpochSecond() + 60) + "}");
        String unknownRole = gatewaySigned("{\"iss\":\"hirepipe\",\"aud\":[\"" + SERVICE + "\"],\"sub\":\"u\","
                + "\"tenant\":\"tenant-a\",\"kind\":\"RECRUITER\",\"role\":\"OWNER\",\"exp\":"
                + (Instant.now().getEpochSecond() + 60) + "}");

        assertThatThrownBy(() -> tokens.decoder().decode(noRole)).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decoder().decode(unknownRole)).isInstanceOf(JwtValidationException.class);
    }

    private static String gatewaySigned(String claimsJson) {
        try {
            com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
                    new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                            .keyID("test-gateway-key").build(),
                    new com.nimbusds.jose.Payload(claimsJson));
            jws.sign(new com.nimbusds.jose.crypto.RSASSASigner(
                    (RSAKey) JWKSet.parse(TestGatewayKeys.signingKeysJson()).getKeys().get(0)));
            return jws.serialize();
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theGatewaysPublicKeysCanBeGivenInlineInsteadOfFetched() {
        RSAKey key = generatedKey("inline-key");
        InternalToken inline = new InternalToken(new InternalTokenProperties(null, SERVICE, SECRET, "hirepipe",
                Duration.ofSeconds(60), new JWKSet(key.toPublicJWK()).toString()), Clock.systemUTC());
        Caller recruiter = Caller.recruiter("tenant-a", "user-1", null);

        String token = issuer(new JWKSet(key).toString(false), Clock.systemUTC()).issue(recruiter, SERVICE);

        assertThat(InternalToken.callerOf(inline.decoder().decode(token))).isEqualTo(recruiter);
        assertThatThrownBy(() -> inline.decoder().decode(gateway.issue(recruiter, SERVICE))).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenForAnotherServiceIsRefused() {
        String forScoring = gateway.issue(Caller.recruiter("tenant-a", "user-1", null), "scoring-service");

        assertThatThrownBy(() -> tokens.decoder().decode(forScoring)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenSignedWithAKeyTheGatewayDoesNotPublishIsRefused() {
        InternalTokenIssuer forger = issuer(new JWKSet(generatedKey("test-gateway-key")).toString(false), Clock.systemUTC());

        String token = forger.issue(Caller.recruiter("tenant-a", "u", null), SERVICE);

        assertThatThrownBy(() -> tokens.decoder().decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void aServiceCanSignOnlyAsAServiceAndNeverAsAPerson() {
        Caller service = Caller.service("tenant-a", "assessment-service");
        assertThat(InternalToken.callerOf(tokens.decoder().decode(tokens.issue(service)))).isEqualTo(service);

        assertThatThrownBy(() -> tokens.issue(Caller.recruiter("tenant-b", "u", "evil@example.com")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheGatewaysKeyCanSignAsTheGateway() {
        Caller gatewayCaller = Caller.service("tenant-a", "gateway");
        assertThatThrownBy(() -> tokens.issue(gatewayCaller)).isInstanceOf(IllegalArgumentException.class);

        String forged = NimbusJwtEncoder
                .withSecretKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                        CallerClaims.of(gatewayCaller, "hirepipe", InternalToken.SERVICES_AUDIENCE, Instant.now(),
                                Instant.now().plusSeconds(60)).build()))
                .getTokenValue();
        assertThatThrownBy(() -> tokens.decoder().decode(forged)).isInstanceOf(JwtValidationException.class);

        assertThat(InternalToken.callerOf(tokens.decoder().decode(gateway.issue(gatewayCaller, SERVICE))))
                .isEqualTo(gatewayCaller);
    }

    @Test
    void aPersonTokenSignedWithTheServiceSecretIsRefused() {
        // What a compromised service could build by hand with the shared secret: refused all the same.
        String forged = NimbusJwtEncoder
                .withSecretKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .build()
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(
                                MacAlgorithm.HS256).build(),
                        CallerClaims.of(Caller.recruiter("tenant-b", "u", null), "hirepipe",
                                InternalToken.SERVICES_AUDIENCE, Instant.now(), Instant.now().plusSeconds(60)).build()))
                .getTokenValue();

        assertThatThrownBy(() -> tokens.decoder().decode(forged)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String none = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"iss\":\"hirepipe\",\"aud\":[\"" + SERVICE + "\"],\"sub\":\"u\","
                + "\"tenant\":\"tenant-a\",\"kind\":\"RECRUITER\",\"exp\":" + (Instant.now().getEpochSecond() + 60)
                + "}").getBytes(StandardCharsets.UTF_8)) + ".";

        assertThatThrownBy(() -> tokens.decoder().decode(none)).isInstanceOf(JwtException.class);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        String token = issuer(TestGatewayKeys.signingKeysJson(), anHourAgo).issue(Caller.platform("tenant-a", "key-1"), SERVICE);

        assertThatThrownBy(() -> tokens.decoder().decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        InternalTokenIssuer other = new InternalTokenIssuer(InternalTokenIssuer.parseKeys(TestGatewayKeys.signingKeysJson()),
                "not-hirepipe", Duration.ofSeconds(60), Clock.systemUTC());

        assertThatThrownBy(() -> tokens.decoder().decode(other.issue(Caller.platform("t", "k"), SERVICE)))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aServiceWillNotStartWithoutTheGatewaysKeysOrWithAWeakSecret() {
        assertThatThrownBy(() -> new InternalToken(new InternalTokenProperties(TestGatewayKeys.jwkSetUri(), SERVICE,
                "short", null, null), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HIREPIPE_INTERNAL_TOKEN_SECRET");
        assertThatThrownBy(() -> new InternalToken(new InternalTokenProperties(null, SERVICE, SECRET, null, null),
                Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HIREPIPE_INTERNAL_TOKEN_JWKS_URI");
        assertThatThrownBy(() -> new InternalToken(new InternalTokenProperties(TestGatewayKeys.jwkSetUri(), " ",
                SECRET, null, null), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theIssuerRefusesPublicOrUnnamedKeys() {
        String publicOnly = new JWKSet(generatedKey("k1")).toPublicJWKSet().toString(false);
        assertThatThrownBy(() -> issuer(publicOnly, Clock.systemUTC())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> issuer("not json", Clock.systemUTC())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> issuer("", Clock.systemUTC())).isInstanceOf(IllegalStateException.class);
    }

    static InternalToken verifierFor(String service, String secret) {
        return new InternalToken(new InternalTokenProperties(TestGatewayKeys.jwkSetUri(), service, secret, "hirepipe",
                Duration.ofSeconds(60)), Clock.systemUTC());
    }

    static InternalTokenIssuer issuer(String keys, Clock clock) {
        return new InternalTokenIssuer(InternalTokenIssuer.parseKeys(keys), "hirepipe", Duration.ofSeconds(60), clock);
    }

    static RSAKey generatedKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
