import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Container HEALTHCHECK: exits 0 when the service's liveness group answers 200, 1 otherwise.
 * Written in Java because the JRE base image does not promise curl or wget.
 */
public final class HealthCheck {

    public static void main(String[] args) {
        // Where actuator lives: its own management port if the service has one (the gateway: MANAGEMENT_PORT, else
        // its default, which the image build writes beside this class), else the main one.
        String port = System.getenv().getOrDefault("MANAGEMENT_PORT", imageManagementPort()
                .orElse(System.getenv().getOrDefault("PORT", "8080")));
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

    private static Optional<String> imageManagementPort() {
        try {
            Path file = Path.of(HealthCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve("management-port");
            return Files.isReadable(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
