package io.hirepipe.gateway.perf;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalTokenIssuer;
import io.hirepipe.embedded.PortCheck;
import io.hirepipe.testkit.TestGatewayKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the gateway costs on one cheap authenticated GET ({@code GET /api/questions/{id}}), measured
 * in one run: direct to question-service, through a gateway with rate limits and breakers on (the
 * {@code perf} profile: limits raised so nothing is refused) and through one with both switched off.
 * Every server is its own JVM, as in the local stack; wrk drives the load. Not part of the build:
 * run {@code infra/perf/gateway-overhead.sh}. Besides the script's knobs: {@code BENCH_GATEWAY_JVM_OPTS} adds
 * JVM options to the gateways only (e.g. a JFR recording), and {@code BENCH_BASELINE_GATEWAY_JAR} starts a
 * fourth target, an older gateway jar with limits and breakers on, to compare a change side by side
 * ({@code BENCH_GATEWAY_JAR} names the jar under test, by default the module's). Besides throughput and p99,
 * each round reports the CPU time the loaded server spent per request, which a busy machine hardly changes.
 */
public final class GatewayOverheadBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String TENANT = "t-bench";
    private static final String EMAIL = "bench@bench.test";
    private static final String PASSWORD = "benchmark passphrase " + UUID.randomUUID();
    private static final String BASELINE = "baseline gateway jar (on)";

    /**
     * @param cpuMillisPerRequest CPU time the server receiving the load (the gateway, or question-service
     *                            when direct) spent per answered request: unlike throughput, it hardly depends
     *                            on what else the machine runs
     */
    record Result(String target, int round, double requestsPerSecond, double p99Millis, double cpuMillisPerRequest) {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Exception | Error failure) {
            // Exit rather than return: the servers' shutdown hook must run, and mongo's threads would keep the JVM up.
            failure.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        Path repo = Path.of(System.getProperty("hirepipe.repo-dir", ".")).toAbsolutePath().normalize();
        String jvm = System.getenv().getOrDefault("BENCH_JVM_OPTS", "-Xms256m -Xmx384m -XX:+UseSerialGC");
        int connections = Integer.parseInt(System.getenv().getOrDefault("BENCH_CONNECTIONS", "32"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "10"));
        int warmupSeconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_SECONDS", "30"));
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "6"));
        // Extra options for the gateways only (a profiler), and an older gateway jar to compare side by side.
        String gatewayJvm = jvm + " " + System.getenv().getOrDefault("BENCH_GATEWAY_JVM_OPTS", "");
        String baselineJar = System.getenv().getOrDefault("BENCH_BASELINE_GATEWAY_JAR", "");
        String internalSecret = "bench-internal-" + UUID.randomUUID();
        String edgeSecret = "bench-edge-" + UUID.randomUUID();

        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("de.bwaldvogel"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress mongoAddress = mongo.bind();
        String mongoUri = "mongodb://127.0.0.1:" + mongoAddress.getPort();
        List<Process> processes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            processes.forEach(Process::destroy);
            mongo.shutdownNow();
        }));

        // five distinct ports: probing one at a time may be offered the same port twice
        int[] ports = PortCheck.freePorts(5);
        int questionPort = ports[0];
        int onPort = ports[1];
        int offPort = ports[2];
        int baselinePort = ports[3];
        String noKafka = "127.0.0.1:" + ports[4];
        // The gateways sign internal tokens with the test key; question-service fetches its public half.
        Map<String, String> env = Map.of("HIREPIPE_INTERNAL_TOKEN_SECRET", internalSecret,
                "HIREPIPE_INTERNAL_TOKEN_JWKS_URI", TestGatewayKeys.jwkSetUri(),
                "HIREPIPE_GATEWAY_INTERNAL_SIGNING_KEYS", TestGatewayKeys.signingKeysJson(),
                "HIREPIPE_GATEWAY_JWT_SECRET", edgeSecret, "HIREPIPE_BOOTSTRAP_RECRUITER_PASSWORD", PASSWORD);
        Map<Integer, Process> servers = new LinkedHashMap<>();
        servers.put(questionPort, start(repo, "question-service", jvm, env, List.of("--server.port=" + questionPort,
                "--spring.mongodb.uri=" + mongoUri, "--logging.level.root=WARN",
                // No broker in this benchmark: nothing waits for one at start-up, and no consumer polls one.
                "--spring.kafka.bootstrap-servers=" + noKafka, "--spring.kafka.admin.auto-create=false",
                "--spring.kafka.listener.auto-startup=false")));
        processes.add(servers.get(questionPort));
        List<int[]> gateways = new ArrayList<>(List.of(new int[]{onPort, 1}, new int[]{offPort, 0}));
        if (!baselineJar.isBlank()) {
            gateways.add(new int[]{baselinePort, 2});
        }
        for (int[] gateway : gateways) {
            boolean on = gateway[1] != 0;
            Map<String, String> gatewayEnv = new LinkedHashMap<>(env);
            gatewayEnv.put("HIREPIPE_RATE_LIMITS_ENABLED", Boolean.toString(on));
            gatewayEnv.put("HIREPIPE_RESILIENCE_ENABLED", Boolean.toString(on));
            // As in the load harness: a cold service on a busy machine may take more than 10 s to a first answer.
            gatewayEnv.put("HIREPIPE_DOWNSTREAM_TIME_LIMIT", "30s");
            Path jar = gateway[1] == 2 ? Path.of(baselineJar)
                    : Path.of(System.getenv().getOrDefault("BENCH_GATEWAY_JAR", jarOf(repo, "gateway").toString()));
            servers.put(gateway[0], start(repo, "gateway", jar, gatewayJvm, gatewayEnv, List.of("--server.port=" + gateway[0],
                    "--management.server.port=0", "--spring.profiles.active=perf",
                    "--spring.mongodb.uri=" + mongoUri, "--logging.level.root=WARN",
                    "--spring.kafka.bootstrap-servers=" + noKafka, "--spring.kafka.admin.auto-create=false",
                    "--spring.kafka.listener.auto-startup=false",
                    "--hirepipe.gateway.services.question-service=http://127.0.0.1:" + questionPort,
                    "--hirepipe.bootstrap.tenant-id=" + TENANT, "--hirepipe.bootstrap.tenant-name=Bench",
                    "--hirepipe.bootstrap.recruiter-email=" + EMAIL)));
            processes.add(servers.get(gateway[0]));
        }
        awaitReady("http://127.0.0.1:" + questionPort + "/actuator/health/readiness");
        awaitReady("http://127.0.0.1:" + onPort + "/readyz");
        awaitReady("http://127.0.0.1:" + offPort + "/readyz");
        if (!baselineJar.isBlank()) {
            awaitReady("http://127.0.0.1:" + baselinePort + "/readyz");
        }

        String recruiterToken = login(onPort);
        String questionId = createQuestion(onPort, recruiterToken, repo);
        JsonNode recruiter = JSON.readTree(java.util.Base64.getUrlDecoder().decode(recruiterToken.split("\\.")[1]));
        String directToken = new InternalTokenIssuer(InternalTokenIssuer.parseKeys(TestGatewayKeys.signingKeysJson()),
                "hirepipe", Duration.ofHours(2), Clock.systemUTC())
                .issue(Caller.recruiter(TENANT, recruiter.get("sub").asString(), EMAIL), "question-service");

        String path = "/api/questions/" + questionId;
        Map<String, String[]> targets = new LinkedHashMap<>();
        targets.put("direct", new String[]{"http://127.0.0.1:" + questionPort + path, directToken});
        String publicPath = "/api/v1/questions/" + questionId;
        targets.put("gateway, limits+breakers on", new String[]{"http://127.0.0.1:" + onPort + publicPath, recruiterToken});
        targets.put("gateway, limits+breakers off", new String[]{"http://127.0.0.1:" + offPort + publicPath, recruiterToken});
        if (!baselineJar.isBlank()) {
            targets.put(BASELINE, new String[]{"http://127.0.0.1:" + baselinePort + publicPath, recruiterToken});
        }
        targets.forEach((name, target) -> check(target[0], target[1]));

        System.out.printf("Warming up each target for %d s (results discarded)%n", warmupSeconds);
        for (String[] target : targets.values()) {
            wrk(target[0], target[1], connections, warmupSeconds);
        }
        List<Result> results = new ArrayList<>();
        List<Map.Entry<String, String[]>> order = new ArrayList<>(targets.entrySet());
        for (int round = 1; round <= rounds; round++) {
            // Each round starts with another target, so a slow stretch of a shared machine is spread over all.
            java.util.Collections.rotate(order, 1);
            for (Map.Entry<String, String[]> target : order) {
                Process server = servers.get(URI.create(target.getValue()[0]).getPort());
                long cpuBefore = cpuMillis(server);
                double[] measured = wrk(target.getValue()[0], target.getValue()[1], connections, seconds);
                double cpuPerRequest = (cpuMillis(server) - cpuBefore) / Math.max(1, measured[0] * seconds);
                Result result = new Result(target.getKey(), round, measured[0], measured[1], cpuPerRequest);
                results.add(result);
                System.out.printf("round %d  %-30s %9.0f req/s   p99 %7.2f ms   CPU %6.3f ms/request%n", round,
                        target.getKey(), result.requestsPerSecond(), result.p99Millis(), result.cpuMillisPerRequest());
            }
        }
        report(results, connections, seconds, warmupSeconds, jvm);
        System.exit(0);
    }

    private static void report(List<Result> results, int connections, int seconds, int warmup, String jvm) {
        double direct = mean(results, "direct", true);
        double on = mean(results, "gateway, limits+breakers on", true);
        double off = mean(results, "gateway, limits+breakers off", true);
        double directP99 = mean(results, "direct", false);
        double onP99 = mean(results, "gateway, limits+breakers on", false);
        double offP99 = mean(results, "gateway, limits+breakers off", false);
        System.out.printf("%nwrk -t1 -c%d -d%ds per round, %d s warm-up per target, JVMs: %s%n", connections, seconds,
                warmup, jvm);
        System.out.printf("direct                       %9.0f req/s  p99 %7.2f ms%n", direct, directP99);
        System.out.printf("gateway, limits+breakers on  %9.0f req/s  p99 %7.2f ms%n", on, onP99);
        System.out.printf("gateway, limits+breakers off %9.0f req/s  p99 %7.2f ms%n", off, offP99);
        System.out.printf("gateway (on) / direct          %.2f  (target >= 0.6)%n", on / direct);
        System.out.printf("cost of limits+breakers        %.1f %% of gateway throughput (target <= 3 %%)%n",
                100 * (off - on) / off);
        System.out.printf("p99 added by the gateway (on)  %.2f ms (target <= 5 ms)%n", onP99 - directP99);
        System.out.printf("p99 added by limits+breakers   %.2f ms%n", onP99 - offP99);
        System.out.printf("CPU per request (the server under load): direct %.3f ms, gateway on %.3f ms, off %.3f ms%n",
                cpu(results, "direct"), cpu(results, "gateway, limits+breakers on"),
                cpu(results, "gateway, limits+breakers off"));
        if (results.stream().anyMatch(r -> r.target().equals(BASELINE))) {
            System.out.printf("gateway CPU per request, on / baseline on  %.2f  (%.3f vs %.3f ms)%n",
                    cpu(results, "gateway, limits+breakers on") / cpu(results, BASELINE),
                    cpu(results, "gateway, limits+breakers on"), cpu(results, BASELINE));
            double baseline = mean(results, BASELINE, true);
            System.out.printf("baseline gateway jar (on)    %9.0f req/s  p99 %7.2f ms%n", baseline, mean(results, BASELINE, false));
            System.out.printf("gateway (on) / baseline (on)   %.2f%n", on / baseline);
            System.out.printf("baseline (on) / direct         %.2f%n", baseline / direct);
        }
    }

    private static double cpu(List<Result> results, String target) {
        return results.stream().filter(r -> r.target().equals(target))
                .mapToDouble(Result::cpuMillisPerRequest).average().orElse(Double.NaN);
    }

    /** User plus system CPU time of a process so far (Linux /proc; clock ticks of 10 ms). */
    private static long cpuMillis(Process process) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static double mean(List<Result> results, String target, boolean throughput) {
        return results.stream().filter(r -> r.target().equals(target))
                .mapToDouble(r -> throughput ? r.requestsPerSecond() : r.p99Millis()).average().orElse(Double.NaN);
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern P99 = Pattern.compile("99%\\s+([\\d.]+)(us|ms|s)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private static double[] wrk(String url, String token, int connections, int seconds) {
        try {
            Process wrk = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency",
                    "-H", "Authorization: Bearer " + token, url).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            Matcher refused = NON_2XX.matcher(output);
            if (refused.find()) {
                System.out.println("  (warning: " + refused.group(1) + " non-2xx answers from " + url + ")");
            }
            Matcher rps = RPS.matcher(output);
            Matcher p99 = P99.matcher(output);
            if (!rps.find() || !p99.find()) {
                throw new IllegalStateException("Cannot read wrk's output:\n" + output);
            }
            double latency = Double.parseDouble(p99.group(1));
            double millis = switch (p99.group(2)) {
                case "us" -> latency / 1000;
                case "s" -> latency * 1000;
                default -> latency;
            };
            return new double[]{Double.parseDouble(rps.group(1)), millis};
        } catch (IOException e) {
            throw new IllegalStateException("wrk is needed (apt-get install -y wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path jarOf(Path repo, String module) {
        return repo.resolve(module).resolve("target").resolve(module + ".jar");
    }

    private static Process start(Path repo, String module, String jvm, Map<String, String> env, List<String> args)
            throws IOException {
        return start(repo, module, jarOf(repo, module), jvm, env, args);
    }

    private static Process start(Path repo, String module, Path jar, String jvm, Map<String, String> env,
                                 List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvm.trim().split("\\s+")));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(repo.resolve(module).resolve("target").resolve("bench-" + UUID.randomUUID() + ".log")
                        .toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void awaitReady(String url) throws InterruptedException {
        // A shared, busy machine can take minutes to start a JVM.
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(url + " did not become ready");
    }

    private static String login(int gatewayPort) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gatewayPort + "/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("email", EMAIL, "password", PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("token").asString();
    }

    private static String createQuestion(int gatewayPort, String token, Path repo) throws Exception {
        JsonNode bank = JSON.readTree(Files.readString(
                repo.resolve("question-service/src/main/resources/starter-bank/starter-bank.json")));
        ObjectNode question = (ObjectNode) bank.get("questions").get(0).deepCopy();
        question.remove("key");
        HttpResponse<String> response = null;
        // A first write to a cold service may time out; a second question in the bank does no harm.
        for (int attempt = 0; attempt < 3 && (response == null || response.statusCode() >= 500); attempt++) {
            response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/api/questions"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(question))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("create question: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static void check(String url, String token) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
