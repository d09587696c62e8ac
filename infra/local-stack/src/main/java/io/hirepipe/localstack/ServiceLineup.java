package io.hirepipe.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The five services and how each is wired to the embedded infrastructure. Growing the stack means
 * adding a line here, not copying start-up code.
 */
final class ServiceLineup {

    /** Greenhouse's own hosts, and this machine for a local stand-in. */
    static final String LOCAL_GREENHOUSE_HOSTS = "127.0.0.1,localhost,app.greenhouse.io,app.eu.greenhouse.io";

    private ServiceLineup() {
    }

    static List<ServiceSpec> specs(StackConfig config, StackSecrets secrets) {
        StackConfig.Ports p = config.ports();
        String mongo = "mongodb://127.0.0.1:" + p.mongo();
        String kafka = "127.0.0.1:" + p.kafka();
        // Services get the gateway's public keys by URL, never its private key.
        Map<String, String> serviceEnv = Map.of("HIREPIPE_INTERNAL_TOKEN_SECRET", secrets.internalTokenSecret(),
                "HIREPIPE_INTERNAL_TOKEN_JWKS_URI",
                "http://127.0.0.1:" + p.gateway() + "/.well-known/hirepipe/internal-jwks.json");

        List<ServiceSpec> specs = new ArrayList<>();
        addInstances(specs, config, "question-service", p.question(), serviceEnv, n -> List.of(
                "--spring.mongodb.uri=" + mongo,
                "--spring.kafka.bootstrap-servers=" + kafka));
        // The invitation-link key pair: the public half seals (assessment-service), the private half
        // opens (notification-service alone).
        Map<String, String> assessmentEnv = new HashMap<>(serviceEnv);
        assessmentEnv.put("HIREPIPE_INVITATION_LINK_PUBLIC_KEY", secrets.invitationLinkPublicKey());
        assessmentEnv.put("HIREPIPE_IDEMPOTENCY_ENCRYPTION_KEY", secrets.idempotencyEncryptionKey());
        // instance n asks question-service instance n: a killed pair leaves the other pair whole
        addInstances(specs, config, "assessment-service", p.assessment(), assessmentEnv, n -> List.of(
                "--spring.mongodb.uri=" + mongo,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + p.redis(),
                "--hirepipe.services.question-service.url=http://127.0.0.1:" + instancePort(p.question(), n),
                "--hirepipe.public-url=http://localhost:" + p.gateway(),
                "--hirepipe.sessions.grace=" + config.sessions().grace().toSeconds() + "s",
                "--hirepipe.sessions.sweep-interval=" + config.sessions().sweepInterval().toSeconds() + "s",
                // a Greenhouse stand-in on this machine may receive the completion callback
                "--hirepipe.greenhouse.allow-insecure-callbacks=true",
                "--hirepipe.greenhouse.callback-hosts=" + LOCAL_GREENHOUSE_HOSTS));
        addInstances(specs, config, "scoring-service", p.scoring(), serviceEnv, n -> List.of(
                "--spring.mongodb.uri=" + mongo,
                "--spring.kafka.bootstrap-servers=" + kafka));
        Map<String, String> notificationEnv = new HashMap<>(serviceEnv);
        notificationEnv.put("HIREPIPE_NOTIFICATION_SECRETS_KEY", secrets.notificationSecretsKey());
        notificationEnv.put("HIREPIPE_INVITATION_LINK_PRIVATE_KEY", secrets.invitationLinkPrivateKey());
        addInstances(specs, config, "notification-service", p.notification(), notificationEnv, n -> List.of(
                "--spring.mongodb.uri=" + mongo,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + p.smtp(),
                // local receivers (a script on this machine) are the point of a local stack
                "--hirepipe.webhooks.allow-insecure-loopback=true",
                "--hirepipe.public-url=http://localhost:" + p.gateway(),
                "--hirepipe.partners.greenhouse.callback-hosts=" + LOCAL_GREENHOUSE_HOSTS));
        // The gateway keeps actuator on a management port of its own (metrics for a local Prometheus);
        // its main port answers /readyz for start-up checks.
        List<String> gatewayArguments = new ArrayList<>(List.of(
                "--spring.mongodb.uri=" + mongo,
                // The gateway stores the audit log and reads the services' entries from hirepipe.audit.v1.
                "--spring.kafka.bootstrap-servers=" + kafka,
                // Emailed set-password links open the console here.
                "--hirepipe.gateway.users.public-url=http://localhost:" + p.gateway(),
                "--hirepipe.bootstrap.tenant-id=" + DemoAccess.TENANT_ID,
                "--hirepipe.bootstrap.tenant-name=" + DemoAccess.TENANT_NAME,
                "--hirepipe.bootstrap.recruiter-email=" + DemoAccess.RECRUITER_EMAIL,
                "--management.server.port=" + p.gatewayManagement()));
        if (!config.gatewayProfiles().isBlank()) {
            // only when asked for, so that SPRING_PROFILES_ACTIVE from the environment applies otherwise
            gatewayArguments.add("--spring.profiles.active=" + config.gatewayProfiles());
        }
        gatewayArguments.addAll(downstreamArguments(config, Map.of("question-service", p.question(),
                "assessment-service", p.assessment(), "scoring-service", p.scoring(),
                "notification-service", p.notification())));
        specs.add(withHealthUrl(spec(config, "gateway", "gateway", p.gateway(), config.gatewayJvmOptions(),
                Map.of("HIREPIPE_GATEWAY_INTERNAL_SIGNING_KEYS", secrets.gatewaySigningKeys(),
                        "HIREPIPE_GATEWAY_JWT_SECRET", secrets.gatewayJwtSecret(),
                        "HIREPIPE_BOOTSTRAP_RECRUITER_PASSWORD", DemoAccess.RECRUITER_PASSWORD),
                gatewayArguments), "http://127.0.0.1:" + p.gateway() + "/readyz"));
        return specs;
    }

    /** The port of instance {@code n} (from 0) of a service whose first instance listens on {@code port}. */
    static int instancePort(int port, int n) {
        return port + n * StackConfig.INSTANCE_PORT_STEP;
    }

    /** Instance 0 keeps the service's name (and log file); the others are {@code name-2}, {@code name-3}, … */
    static String instanceName(String service, int n) {
        return n == 0 ? service : service + "-" + (n + 1);
    }

    private static void addInstances(List<ServiceSpec> specs, StackConfig config, String service, int port,
                                     Map<String, String> env, IntFunction<List<String>> arguments) {
        for (int n = 0; n < config.instances(); n++) {
            specs.add(spec(config, instanceName(service, n), service, instancePort(port, n), "", env,
                    arguments.apply(n)));
        }
    }

    /**
     * One instance each: the gateway calls each service's address directly, as always. Several: the
     * routes name {@code lb://service} and Spring Cloud LoadBalancer spreads calls round-robin over a
     * static list of the instances. Its {@code health-check} configuration is not used: with it (5.0.4)
     * the gateway here never saw an instance as healthy ("No servers available" for every call), so a
     * killed instance stays in the rotation until it is back; GETs are retried by the gateway, other
     * calls by their clients.
     */
    static List<String> downstreamArguments(StackConfig config, Map<String, Integer> firstPorts) {
        List<String> arguments = new ArrayList<>();
        firstPorts.forEach((service, port) -> {
            if (config.instances() == 1) {
                arguments.add("--hirepipe.gateway.services." + service + "=http://127.0.0.1:" + port);
                return;
            }
            arguments.add("--hirepipe.gateway.services." + service + "=lb://" + service);
            for (int n = 0; n < config.instances(); n++) {
                arguments.add("--spring.cloud.discovery.client.simple.instances." + service + "[" + n + "].uri=http://127.0.0.1:"
                        + instancePort(port, n));
            }
        });
        return arguments;
    }

    static Path jarOf(StackConfig config, String service) {
        return config.repoDir().resolve(service).resolve("target").resolve(service + ".jar");
    }

    private static List<String> optionWords(String options) {
        return options.isBlank() ? List.of() : Arrays.asList(options.trim().split("\\s+"));
    }

    private static ServiceSpec withHealthUrl(ServiceSpec spec, String healthUrl) {
        return new ServiceSpec(spec.name(), spec.port(), spec.command(), spec.environment(), healthUrl);
    }

    /** @param ownJvmOptions added after the services' JVM options, for this service alone (later options win) */
    private static ServiceSpec spec(StackConfig config, String name, String service, int port, String ownJvmOptions,
                                    Map<String, String> env, List<String> springArguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(optionWords(config.serviceJvmOptions()));
        command.addAll(optionWords(ownJvmOptions));
        command.add("-jar");
        command.add(jarOf(config, service).toString());
        command.add("--server.port=" + port);
        command.add("--spring.output.ansi.enabled=never");
        if (config.otlpEndpoint() != null && !config.otlpEndpoint().isBlank()) {
            command.add("--management.opentelemetry.tracing.export.otlp.endpoint=" + config.otlpEndpoint());
        }
        command.addAll(springArguments);
        return new ServiceSpec(name, port, command, env,
                "http://127.0.0.1:" + port + "/actuator/health/readiness");
    }
}
