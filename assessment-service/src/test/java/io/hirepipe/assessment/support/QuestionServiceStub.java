package io.hirepipe.assessment.support;

import io.hirepipe.testkit.TestGatewayKeys;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.CallerKind;
import io.hirepipe.defaults.security.InternalToken;
import io.hirepipe.defaults.security.InternalTokenProperties;
import io.hirepipe.testkit.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server that answers like question-service: {@code GET /api/tests/{id}} and
 * {@code /api/tests/{id}/delivery}, only to a valid SERVICE token from assessment-service, and only
 * with the tests of the token's tenant. It can be told to fail or to be slow.
 */
public final class QuestionServiceStub {

    public enum Mode { UP, FAILING, SLOW }

    public record Question(String questionId, int version, QuestionKind kind, String title, String prompt,
                           List<ChoiceOption> options, int maxPoints) {
    }

    public record Test(String testId, String title, int durationMinutes, int passMarkPercent,
                       List<Question> questions) {
    }

    private static final Pattern PATH = Pattern.compile("/api/tests/([^/]+)(/delivery|/published)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final InternalToken tokens = new InternalToken(
            new InternalTokenProperties(TestGatewayKeys.jwkSetUri(), "question-service",
                    TestInfrastructure.INTERNAL_TOKEN_SECRET, null, null), Clock.systemUTC());
    private final Map<String, Test> tests = new ConcurrentHashMap<>();
    private final Set<String> drafts = ConcurrentHashMap.newKeySet();
    /** Published tests someone is editing: the draft of their next version, which sessions do not start from. */
    private final Map<String, Test> nextDrafts = new ConcurrentHashMap<>();
    private final Set<String> unfillable = ConcurrentHashMap.newKeySet();
    private final Map<String, Runnable> beforeDelivery = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger deliveries = new AtomicInteger();
    private volatile Mode mode = Mode.UP;
    private volatile long slowMillis = 3_000;

    private QuestionServiceStub(HttpServer server) {
        this.server = server;
    }

    public static QuestionServiceStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            QuestionServiceStub stub = new QuestionServiceStub(server);
            server.createContext("/api/tests/", stub::handle);
            server.createContext("/api/tests", stub::list);
            server.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
                Thread thread = new Thread(runnable, "question-service-stub");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the question-service stub", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Makes the test known to one tenant. */
    public void define(String tenantId, Test test) {
        tests.put(tenantId + "|" + test.testId(), test);
    }

    /** Makes the test known to one tenant as a draft: it can be read, but is not listed as published. */
    public void defineDraft(String tenantId, Test test) {
        define(tenantId, test);
        drafts.add(tenantId + "|" + test.testId());
    }

    /**
     * Makes a published test one being edited, as question-service answers for it: {@code GET /api/tests/{id}}
     * shows the draft of the next version, {@code /published} and the delivery the version sessions start from.
     */
    public void editDraft(String tenantId, String testId, Test nextDraft) {
        nextDrafts.put(tenantId + "|" + testId, nextDraft);
    }

    /**
     * Makes the test's delivery refused as question-service refuses a test whose pool the bank can no longer
     * fill (questions retired since it was published): 409 pool-cannot-be-filled.
     */
    public void makeUnfillable(String tenantId, String testId) {
        unfillable.add(tenantId + "|" + testId);
    }

    /**
     * Runs {@code action} once, while the next delivery of the test is being asked for and before it is answered:
     * something that happens between a start reading the invitation and writing the session.
     */
    public void beforeNextDelivery(String tenantId, String testId, Runnable action) {
        beforeDelivery.put(tenantId + "|" + testId, action);
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Every request that reached the server, answered or not. */
    public int requests() {
        return requests.get();
    }

    /** Deliveries served. */
    public int deliveries() {
        return deliveries.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            if (mode == Mode.FAILING) {
                respond(exchange, 500, Map.of("title", "Internal error"));
                return;
            }
            if (mode == Mode.SLOW) {
                sleep(slowMillis);
            }
            Caller caller = callerOf(exchange);
            if (caller == null || caller.kind() != CallerKind.SERVICE || !"assessment-service".equals(caller.subject())) {
                respond(exchange, 401, Map.of("title", "Unauthenticated"));
                return;
            }
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            Test test = path.matches() ? tests.get(caller.tenantId() + "|" + path.group(1)) : null;
            if (test == null) {
                respond(exchange, 404, Map.of("title", "Test not found"));
            } else if (path.group(2) == null || path.group(2).equals("/published")) {
                Test nextDraft = nextDrafts.get(caller.tenantId() + "|" + path.group(1));
                boolean draftShown = nextDraft != null && path.group(2) == null;
                Test shown = draftShown ? nextDraft : test;
                List<Map<String, Object>> refs = shown.questions().stream()
                        .<Map<String, Object>>map(q -> Map.of("questionId", q.questionId(), "version", q.version()))
                        .toList();
                respond(exchange, 200, Map.of("id", shown.testId(), "title", shown.title(),
                        "description", "Answer in your own words.\n\nNo notes.",
                        "durationMinutes", shown.durationMinutes(), "passMarkPercent", shown.passMarkPercent(),
                        "sections", List.of(Map.of("title", "All", "questions", refs)),
                        "status", nextDraft != null ? "DRAFT" : "PUBLISHED", "publishedVersion", 1,
                        "version", draftShown ? 2 : 1));
            } else if (unfillable.contains(caller.tenantId() + "|" + path.group(1))) {
                respond(exchange, 409, Map.of("type", "https://hirepipe.io/problems/pool-cannot-be-filled",
                        "title", "Conflict", "status", 409, "field", "sections[0].pool",
                        "detail", "Section 'All' of test '" + test.testId() + "' cannot be drawn now: draw 3 from "
                                + "category 'databases', but only 1 published questions match."));
            } else {
                Runnable action = beforeDelivery.remove(caller.tenantId() + "|" + path.group(1));
                if (action != null) {
                    action.run();
                }
                deliveries.incrementAndGet();
                respond(exchange, 200, Map.of("testId", test.testId(), "title", test.title(),
                        "durationMinutes", test.durationMinutes(), "passMarkPercent", test.passMarkPercent(),
                        "questions", test.questions()));
            }
        }
    }

    /** {@code GET /api/tests}: the tenant's tests, their status included, in one page. */
    private void list(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            Caller caller = callerOf(exchange);
            if (caller == null || caller.kind() != CallerKind.SERVICE || !"assessment-service".equals(caller.subject())) {
                respond(exchange, 401, Map.of("title", "Unauthenticated"));
                return;
            }
            String prefix = caller.tenantId() + "|";
            List<Map<String, Object>> items = tests.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix))
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> listed(e.getKey(), e.getValue()))
                    .toList();
            respond(exchange, 200, Map.of("items", items));
        }
    }

    /** As question-service lists a test: its latest version, and which version sessions start from, if any. */
    private Map<String, Object> listed(String key, Test test) {
        Test nextDraft = nextDrafts.get(key);
        Test latest = nextDraft != null ? nextDraft : test;
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", latest.testId());
        item.put("title", latest.title());
        item.put("durationMinutes", latest.durationMinutes());
        item.put("status", drafts.contains(key) || nextDraft != null ? "DRAFT" : "PUBLISHED");
        item.put("publishedVersion", drafts.contains(key) ? null : 1);
        return item;
    }

    private Caller callerOf(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return null;
        }
        try {
            return InternalToken.callerOf(tokens.decoder().decode(header.substring("Bearer ".length())));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
