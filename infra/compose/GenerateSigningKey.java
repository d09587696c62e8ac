import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.LocalDate;
import java.util.Base64;

/**
 * Prints a fresh RSA signing key for the gateway's internal tokens as a one-key JWK set (JSON, private
 * part included): the value of HIREPIPE_GATEWAY_INTERNAL_SIGNING_KEYS. Run with the JDK alone:
 * {@code java GenerateSigningKey.java [kid]}. Only the JSON encoding is done here; the key comes from the JDK.
 */
public class GenerateSigningKey {

    public static void main(String[] args) throws Exception {
        String kid = args.length > 0 ? args[0] : "gateway-" + LocalDate.now();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        System.out.println("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\""
                + ",\"n\":\"" + b64(key.getModulus()) + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\""
                + ",\"d\":\"" + b64(key.getPrivateExponent()) + "\",\"p\":\"" + b64(key.getPrimeP()) + "\""
                + ",\"q\":\"" + b64(key.getPrimeQ()) + "\",\"dp\":\"" + b64(key.getPrimeExponentP()) + "\""
                + ",\"dq\":\"" + b64(key.getPrimeExponentQ()) + "\",\"qi\":\"" + b64(key.getCrtCoefficient()) + "\"}]}");
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
