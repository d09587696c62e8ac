import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.LocalDate;
import java.util.Base64;

/**
 * {@code java GenerateSigningKey.java [kid]} prints a fresh RSA key as a one-key JWK set, private part
 * included: the gateway's HIREPIPE_GATEWAY_INTERNAL_SIGNING_KEYS.
 * {@code java GenerateSigningKey.java --public < private.json} prints the public half of such a set: the
 * services' HIREPIPE_INTERNAL_TOKEN_JWKS.
 * {@code java GenerateSigningKey.java --encryption [kid]} prints a fresh RSA key as one JWK (no set), private
 * part included, for RSA-OAEP-256: notification-service's HIREPIPE_INVITATION_LINK_PRIVATE_KEY; its
 * {@code --public} half is assessment-service's HIREPIPE_INVITATION_LINK_PUBLIC_KEY.
 * Runs on the JDK alone; only the JSON encoding is done here.
 */
public class GenerateSigningKey {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--public")) {
            String json = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            // The private members of an RSA JWK (RFC 7518 §6.3.2); what this program writes has no others.
            System.out.println(json.replaceAll(",\"(d|p|q|dp|dq|qi)\":\"[^\"]*\"", ""));
            return;
        }
        if (args.length > 0 && args[0].equals("--encryption")) {
            String kid = args.length > 1 ? args[1] : "invitation-link-" + LocalDate.now();
            System.out.println(jwk("enc", "RSA-OAEP-256", kid));
            return;
        }
        String kid = args.length > 0 ? args[0] : "gateway-" + LocalDate.now();
        System.out.println("{\"keys\":[" + jwk("sig", "RS256", kid) + "]}");
    }

    private static String jwk(String use, String alg, String kid) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        return "{\"kty\":\"RSA\",\"use\":\"" + use + "\",\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\""
                + ",\"n\":\"" + b64(key.getModulus()) + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\""
                + ",\"d\":\"" + b64(key.getPrivateExponent()) + "\",\"p\":\"" + b64(key.getPrimeP()) + "\""
                + ",\"q\":\"" + b64(key.getPrimeQ()) + "\",\"dp\":\"" + b64(key.getPrimeExponentP()) + "\""
                + ",\"dq\":\"" + b64(key.getPrimeExponentQ()) + "\",\"qi\":\"" + b64(key.getCrtCoefficient()) + "\"}";
    }

    /** JWK integers: unsigned big-endian, base64url without padding (RFC 7518 §6.3). */
    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
