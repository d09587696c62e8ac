package io.hirepipe.localstack;

import io.hirepipe.testkit.HttpApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the on-call sees, against the started stack: every metric the alert rules and the Grafana
 * dashboard query is on some service's /actuator/prometheus (dashboard rot fails here, not at 3 am),
 * and the pipeline's metrics move when a candidate takes a test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedLocalStack.class)
class ObservabilityIT {

    /** One {@code name="value"} of a series line; values may hold braces (uri="/api/questions/{id}") and escapes. */
    private static final Pattern LABEL_PAIR = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TOKEN_IN_LINK = Pattern.compile("#token=([A-Za-z0-9_-]+)");
    /** Made by Prometheus itself for every target, never by a service. */
    private static final Set<String> FROM_PROMETHEUS = Set.of("up");

    private SharedLocalStack.Stack shared;
    private LocalStack stack;
    private HttpApi anonymous;

    @BeforeAll
    void useSharedStack(SharedLocalStack.Stack sharedStack) {
        shared = sharedStack;
        stack = shared.get();
        anonymous = HttpApi.at(stack.gatewayUrl().toString());
    }

    @Test
    void everyMetricTheRulesAndTheDashboardQueryIsExposedByAService() {
        MonitoringQueries queries = MonitoringQueries.load(Path.of(System.getProperty("hirepipe.repo-dir", "../..")));
        Set<String> exposed = new TreeSet<>();
        scrapeAll().values().forEach(scrape -> exposed.addAll(scrape.names()));

        Map<String, Set<String>> missing = new LinkedHashMap<>();
        queries.expressions().forEach((where, expr) -> {
            for (String name : MonitoringQueries.metricNames(expr)) {
                boolean known = name.contains(":") ? queries.recordingRules().contains(name)
                        : exposed.contains(name) || FROM_PROMETHEUS.contains(name);
                if (!known) {
                    missing.computeIfAbsent(where, w -> new TreeSet<>()).add(name);
                }
            }
        });
        assertThat(queries.expressions()).hasSizeGreaterThan(50);
        // the SLO rules select these bucket boundaries by their exact le label
        Map<String, Scrape> scrapes = scrapeAll();
        assertThat(scrapes.get("assessment-service").text())
                .containsPattern(bucket("hirepipe_sessions_autosave_seconds", "outcome=\"stored\"", "0.2"));
        assertThat(scrapes.get("scoring-service").text())
                .containsPattern(bucket("hirepipe_scoring_lag_seconds", "application=\"scoring-service\"", "30.0"));
        assertThat(scrapes.get("notification-service").text())
                .containsPattern(bucket("hirepipe_notification_email_lag_seconds", "kind=\"recruiter_score_report\"", "60.0"));
        assertThat(missing).as("metrics queried but exposed by no service (or recording rules not defined)").isEmpty();
    }

    /**
     * A selector or grouping on a label the series do not carry matches nothing or folds everything into one
     * line, silently: every label the rules and the dashboard match on or group by is on the series they select,
     * and an exact match names a series that exists from start-up (so increase() sees its first event too).
     */
    @Test
    void everyLabelTheRulesAndTheDashboardMatchOrGroupByIsOnTheirSeries() {
        MonitoringQueries queries = MonitoringQueries.load(Path.of(System.getProperty("hirepipe.repo-dir", "../..")));
        Map<String, Map<String, Set<String>>> exposed = new HashMap<>();
        scrapeAll().values().forEach(scrape -> scrape.collectLabels(exposed));

        assertThat(queries.wrongLabels(exposed, FROM_PROMETHEUS)).as("labels queried that the selected series do not carry")
                .isEmpty();
    }

    @Test
    void theServicesExposeNoUnboundedLabels() {
        scrapeAll().forEach((service, scrape) -> assertThat(scrape.text())
                .as(service + " labels carry no tenant, session, email or invitation id")
                .doesNotContainPattern("(tenant|session|invitation|email)(_id|Id)?=\"")
                .doesNotContain("@example.com"));
    }

    @Test
    void theOpenMetricsScrapeCarriesNoExemplarsThatOlderPrometheusRejects() {
        stack.metricsUrls().forEach((service, url) -> {
            HttpApi.Response response = HttpApi.at(url.getScheme() + "://" + url.getAuthority())
                    .withHeader("Accept", "application/openmetrics-text; version=1.0.0").get(url.getPath());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).as(service).startsWith("application/openmetrics-text");
            assertThat(response.body()).as(service + ": no exemplar ('# {trace_id=...}') on any sample")
                    .doesNotContain(" # {");
        });
    }

    @Test
    void aCandidatesTestMovesThePipelineMetrics() {
        Map<String, Scrape> before = scrapeAll();
        takeATest("Metric Mae", "mae@example.com", anonymous);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Scrape> after = scrapeAll();
            assertThat(increase(before, after, "assessment-service", "hirepipe_sessions_started_total")).isEqualTo(1);
            assertThat(increase(before, after, "assessment-service", "hirepipe_sessions_submitted_total", "reason=\"candidate\""))
                    .isEqualTo(1);
            assertThat(increase(before, after, "assessment-service", "hirepipe_sessions_autosave_seconds_count",
                    "outcome=\"stored\"")).isEqualTo(1);
            assertThat(increase(before, after, "assessment-service", "hirepipe_sessions_start_seconds_count",
                    "outcome=\"success\"")).isEqualTo(1);
            assertThat(increase(before, after, "assessment-service", "hirepipe_outbox_published_total")).isGreaterThanOrEqualTo(3);
            assertThat(increase(before, after, "scoring-service", "hirepipe_scoring_results_total")).isEqualTo(1);
            assertThat(increase(before, after, "scoring-service", "hirepipe_scoring_lag_seconds_count")).isEqualTo(1);
            assertThat(increase(before, after, "notification-service", "hirepipe_notification_emails_total",
                    "kind=\"recruiter_score_report\"", "outcome=\"sent\"")).isEqualTo(1);
            // at least: the demo invitation of the stack's start may be emailed meanwhile
            assertThat(increase(before, after, "notification-service", "hirepipe_notification_email_lag_seconds_count",
                    "kind=\"candidate_invitation\"")).isGreaterThanOrEqualTo(1);
            assertThat(after.get("assessment-service").sum("hirepipe_outbox_pending")).isZero();
        });
    }

    @Test
    void aSubmissionIsOneTraceFromTheGatewayThroughScoringToTheRecruitersEmail() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpApi traced = anonymous.withHeader("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");

        takeATest("Trace Tess", "tess@example.com", traced);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> spans = shared.spans().spansOf(traceId);
            assertThat(spans).extracting(OtlpReceiver.ReceivedSpan::service)
                    .as("the submit's trace, by service: " + spans)
                    .contains("gateway", "assessment-service", "scoring-service", "notification-service");
            assertThat(spans).as("scoring read the submission and notification the result, in the same trace")
                    .anyMatch(span -> span.service().equals("scoring-service") && span.kind().equals("SPAN_KIND_CONSUMER"))
                    .anyMatch(span -> span.service().equals("notification-service") && span.kind().equals("SPAN_KIND_CONSUMER"));
        });
    }

    /**
     * A recruiter invites a candidate to a one-question test; the candidate starts, answers once and
     * submits through {@code submitter} (which may carry headers); the recruiter's report arrives.
     */
    private void takeATest(String candidateName, String candidateEmail, HttpApi submitter) {
        JsonNode login = anonymous.post("/api/v1/auth/login", Map.of(
                "email", stack.demo().recruiterEmail(), "password", stack.demo().recruiterPassword())).expect(200);
        HttpApi recruiter = anonymous.withBearer(login.get("token").asString());
        String questionId = recruiter.post("/api/v1/questions", Map.of(
                "kind", "SINGLE_CHOICE", "title", "Metrics", "prompt", "Which label is bounded?",
                "options", List.of(Map.of("id", "a", "text", "outcome"), Map.of("id", "b", "text", "session id")),
                "correctOptionIds", List.of("a"), "points", 1)).expect(201).get("id").asString();
        recruiter.post("/api/v1/questions/" + questionId + "/publish", Map.of()).expect(200);
        String testId = recruiter.post("/api/v1/tests", Map.of("title", "Observability check", "durationMinutes", 10,
                "passMarkPercent", 50, "sections", List.of(Map.of("title", "Only", "questionIds", List.of(questionId)))))
                .expect(201).get("id").asString();
        recruiter.post("/api/v1/invitations", Map.of("testId", testId,
                "candidate", Map.of("name", candidateName, "email", candidateEmail))).expect(201);

        JsonNode invitationMail = awaitMail(candidateEmail, "Observability check");
        Matcher link = TOKEN_IN_LINK.matcher(invitationMail.get("html").asString());
        assertThat(link.find()).isTrue();
        String candidateToken = anonymous.post("/api/v1/auth/candidate", Map.of("invitationToken", link.group(1)))
                .expect(200).get("token").asString();
        HttpApi candidate = anonymous.withBearer(candidateToken);
        candidate.post("/api/v1/candidate/assessment/start", Map.of()).expect(200);
        candidate.put("/api/v1/candidate/assessment/answers/" + questionId,
                Map.of("sequence", 1, "selectedOptionIds", List.of("a"))).expect(200);
        submitter.withBearer(candidateToken).post("/api/v1/candidate/assessment/submit", Map.of()).expect(200);
        awaitMail(stack.demo().recruiterEmail(), candidateName);
    }

    private JsonNode awaitMail(String recipient, String subjectContains) {
        HttpApi mail = HttpApi.at(stack.mailViewerUrl().toString());
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode message : mail.get("/api/messages").expect(200)) {
                if (message.get("to").toString().contains(recipient)
                        && message.get("subject").asString().contains(subjectContains)) {
                    found[0] = message;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** A bucket line of the histogram with the label and the boundary, in whatever order the labels come. */
    private static String bucket(String histogram, String label, String le) {
        return "(?m)^" + histogram + "_bucket\\{(?=[^}]*" + Pattern.quote(label) + ")[^}]*le=\"" + Pattern.quote(le) + "\"";
    }

    private static double increase(Map<String, Scrape> before, Map<String, Scrape> after, String service, String name,
                                   String... labels) {
        return after.get(service).sum(name, labels) - before.get(service).sum(name, labels);
    }

    private Map<String, Scrape> scrapeAll() {
        Map<String, Scrape> scrapes = new LinkedHashMap<>();
        stack.metricsUrls().forEach((service, url) -> scrapes.put(service, scrape(url)));
        return scrapes;
    }

    private static Scrape scrape(URI url) {
        HttpApi.Response response = HttpApi.at(url.getScheme() + "://" + url.getAuthority()).get(url.getPath());
        assertThat(response.status()).as(url.toString()).isEqualTo(200);
        return new Scrape(response.body());
    }

    /** One /actuator/prometheus answer in the text format: {@code name{labels} value} per line. */
    record Scrape(String text) {

        Set<String> names() {
            Set<String> names = new TreeSet<>();
            text.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
            return names;
        }

        /** Adds every label name and value of every series, by metric name. */
        void collectLabels(Map<String, Map<String, Set<String>>> into) {
            text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
                String[] parts = line.split("[{ ]", 2);
                Map<String, Set<String>> labels = into.computeIfAbsent(parts[0], name -> new HashMap<>());
                if (line.charAt(parts[0].length()) == '{') {
                    Matcher pair = LABEL_PAIR.matcher(line.substring(parts[0].length() + 1));
                    while (pair.find()) {
                        labels.computeIfAbsent(pair.group(1), label -> new TreeSet<>()).add(pair.group(2));
                    }
                }
            });
        }

        /** The sum of every series of the metric that carries all the given label pairs. */
        double sum(String name, String... labels) {
            double total = 0;
            for (String line : text.lines().toList()) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    boolean matches = true;
                    for (String label : labels) {
                        matches &= line.contains(label);
                    }
                    if (matches) {
                        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
            }
            return total;
        }
    }
}
