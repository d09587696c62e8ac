import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Container HEALTHCHECK: exits 0 when the service's liveness group answers 200, 1 otherwise.
 * Written in Java because the JRE base image does not promise curl or wget.
 */
public final class HealthCheck {

    public static void main(String[] args) {
        // Where actuator lives: its own management port if the service has one (the gateway), else the main one.
        String port = System.getenv().getOrDefault("MANAGEMENT_PORT", System.getenv().getOrDefault("PORT", "8080"));
        String path = args.length > 0 ? args[0] : "/actuator/health/liveness";
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                System.exit(0);
            }
            System.err.println(path + " answered " + status);
        } catch (Exception e) {
            System.err.println(path + " unreachable: " + e);
        }
        System.exit(1);
    }
}
