package io.hirepipe.notification.webhook;

import io.hirepipe.testkit.HttpApi;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers: subscribing through the API, and verifying a signature as the README tells receivers to. */
final class Webhooks {

    private Webhooks() {
    }

    static JsonNode subscribe(HttpApi api, String url, String... types) {
        HttpApi.Response response = api.post("/api/notifications/webhooks",
                Map.of("url", url, "eventTypes", List.of(types), "description", "ATS sync"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** The README's verification snippet: any of the space-separated v1 signatures may match. */
    static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader)
            throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String signature : signatureHeader.split(" ")) {
            String[] parts = signature.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }
}
