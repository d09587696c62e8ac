package io.hirepipe.scoring.result;

import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.IntegrityCounts;
import io.hirepipe.contracts.events.Person;
import io.hirepipe.contracts.events.SubmitReason;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.scoring.ScoringServiceTest;
import io.hirepipe.testkit.EventTopics;
import io.hirepipe.testkit.HttpApi;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.hirepipe.scoring.TestEvents.envelope;
import static io.hirepipe.scoring.TestEvents.id;
import static io.hirepipe.scoring.TestEvents.singleChoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an integrator finds results by, pages through and exports: submissions arrive over real
 * Kafka carrying reference, time taken and integrity counts; results are read over real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsForIntegratorsTest extends ScoringServiceTest {

    private static final String TENANT = id("tenant-integrators");
    private static final Caller PLATFORM = Caller.platform(TENANT, "key-1");
    private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
    private static final String TEST = "test-integration";
    private static final String FORMULA_NAME = "=HYPERLINK(\"https://evil.example\",\"Click\")";

    private final EventTopics kafka = EventTopics.shared();
    private final String q1 = id("q");
    private final String q2 = id("q");
    private final String best = id("ses");
    private final String middle = id("ses");
    private final String worst = id("ses");
    private final String otherTest = id("ses");

    @BeforeAll
    void submissionsArriveOverKafka() {
        kafka.publish(envelope(singleChoice(q1, 1, "b"), TENANT));
        kafka.publish(envelope(singleChoice(q2, 1, "a"), TENANT));
        kafka.publish(envelope(submitted(best, TEST, FORMULA_NAME, "ats-1", T0.plus(Duration.ofHours(1)), "b", "a",
                1200, new IntegrityCounts(1, 2, 3, 4)), TENANT));
        kafka.publish(envelope(submitted(middle, TEST, "Grace Hopper", "ats-2", T0.plus(Duration.ofHours(2)), "b",
                "c", 900, IntegrityCounts.NONE), TENANT));
        kafka.publish(envelope(submitted(worst, TEST, "-Mallory", "ats-3", T0.plus(Duration.ofHours(3)), "c", "c",
                300, IntegrityCounts.NONE), TENANT));
        // as an older assessment-service sends it: no reference, time taken or integrity counts
        kafka.publish(envelope(new AssessmentSubmitted(otherTest, id("inv"), "test-other", "Other",
                new Person("Old Producer", "old@example.org"), "rita@example.com", 50, SubmitReason.CANDIDATE, T0,
                T0.plusSeconds(60), List.of(new SubmittedAnswer(q1, 1, List.of("b"), null, "Index trade-off"),
                new SubmittedAnswer(q2, 1, List.of("c"), null, "gRPC"))), TENANT));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api(PLATFORM).get("/api/results?limit=100").json().get("items").size() == 4);
    }

    private AssessmentSubmitted submitted(String sessionId, String testId, String name, String reference,
                                          Instant submittedAt, String first, String second, long timeTaken,
                                          IntegrityCounts integrity) {
        return new AssessmentSubmitted(sessionId, id("inv"), testId, "Integration", new Person(name,
                "c-" + sessionId + "@example.org"), "rita@example.com", 50, SubmitReason.CANDIDATE,
                submittedAt.minusSeconds(timeTaken), submittedAt,
                List.of(new SubmittedAnswer(q1, 1, List.of(first), null, "Index trade-off"),
                        new SubmittedAnswer(q2, 1, List.of(second), null, "gRPC")),
                null, null, reference, timeTaken, integrity);
    }

    private Map<String, JsonNode> bySession(String query) {
        JsonNode items = api(PLATFORM).get("/api/results?" + query).expect(200).get("items");
        Map<String, JsonNode> found = new java.util.LinkedHashMap<>();
        items.values().forEach(item -> found.put(item.get("sessionId").asString(), item));
        return found;
    }

    @Test
    void eachResultCarriesItsPercentileTimeTakenIntegrityAndReference() {
        Map<String, JsonNode> results = bySession("testId=" + TEST);

        assertThat(results.keySet()).containsExactlyInAnyOrder(best, middle, worst);
        assertThat(results.get(best).get("percent").asDouble()).isEqualTo(100.0);
        assertThat(results.get(best).get("percentile").asInt()).isEqualTo(83);
        assertThat(results.get(middle).get("percentile").asInt()).isEqualTo(50);
        assertThat(results.get(worst).get("percentile").asInt()).isEqualTo(17);
        assertThat(results.get(best).get("timeTakenSeconds").asLong()).isEqualTo(1200);
        assertThat(results.get(best).get("integrity").get("focusLost").asInt()).isEqualTo(1);
        assertThat(results.get(best).get("integrity").get("copy").asInt()).isEqualTo(4);
        assertThat(results.get(best).get("externalReference").asString()).isEqualTo("ats-1");

        JsonNode one = api(PLATFORM).get("/api/results/" + best).expect(200);
        assertThat(one.get("externalReference").asString()).isEqualTo("ats-1");
        assertThat(one.get("timeTakenSeconds").asLong()).isEqualTo(1200);
        assertThat(one.get("integrity").get("hidden").asInt()).isEqualTo(2);

        JsonNode old = bySession("testId=test-other").get(otherTest);
        assertThat(old.get("percentile").asInt()).as("alone in its test").isEqualTo(50);
        assertThat(old.get("timeTakenSeconds").isNull()).isTrue();
        assertThat(old.get("integrity").isNull()).isTrue();
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(bySession("externalReference=ats-2").keySet()).containsExactly(middle);
        assertThat(bySession("testId=" + TEST + "&passed=false").keySet()).containsExactly(worst);
        assertThat(bySession("passed=true").keySet()).containsExactlyInAnyOrder(best, middle, otherTest);
        assertThat(bySession("submittedFrom=" + T0.plus(Duration.ofMinutes(90))).keySet())
                .containsExactlyInAnyOrder(middle, worst);
        assertThat(bySession("submittedFrom=" + T0.plus(Duration.ofMinutes(30)) + "&submittedTo="
                + T0.plus(Duration.ofMinutes(150))).keySet()).containsExactlyInAnyOrder(best, middle);
        assertThat(bySession("status=FINAL").keySet()).containsExactlyInAnyOrder(best, middle, worst, otherTest);
        assertThat(bySession("status=PROVISIONAL")).isEmpty();
        assertThat(api(Caller.platform(id("tenant-other"), "k")).get("/api/results?externalReference=ats-2")
                .expect(200).get("items")).as("another tenant finds nothing").isEmpty();
    }

    @Test
    void pagesFollowOneStableOrderWithoutGapsOrRepeats() {
        List<String> all = new ArrayList<>(bySession("limit=100").keySet());
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api(PLATFORM).get("/api/results?limit=1" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200);
            page.get("items").values().forEach(item -> paged.add(item.get("sessionId").asString()));
            cursor = page.get("hasMore").asBoolean() ? page.get("nextCursor").asString() : null;
            assertThat(page.get("hasMore").asBoolean()).isEqualTo(paged.size() < 4);
        } while (cursor != null);
        assertThat(paged).containsExactlyElementsOf(all).hasSize(4);
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        Map<String, String> cases = Map.of("status=DONE", "status", "passed=yes", "passed",
                "submittedFrom=yesterday", "submittedFrom", "submittedTo=2026-02-30", "submittedTo",
                "cursor=forged", "cursor", "submittedFrom=2026-05-02T00:00:00Z&submittedTo=2026-05-01T00:00:00Z",
                "submittedFrom", "externalReference=" + "x".repeat(201), "externalReference");
        cases.forEach((query, parameter) -> {
            assertThat(api(PLATFORM).get("/api/results?" + query).problem(400).get("parameter").asString())
                    .as(query).isEqualTo(parameter);
        });
        assertThat(api(PLATFORM).get("/api/results/export.csv?passed=maybe").problem(400).get("parameter")
                .asString()).isEqualTo("passed");
        assertThat(api(PLATFORM).get("/api/results/export.csv?bom=perhaps").problem(400).toString()).contains("bom");
        api(Caller.candidate(TENANT, "inv-1")).get("/api/results/export.csv").problem(403);
    }

    @Test
    void theCsvExportHoldsTheSameRowsAndNoFormulaRuns() throws IOException {
        HttpApi.Response response = api(PLATFORM).get("/api/results/export.csv?testId=" + TEST);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(response.body())).getRecords();
        Map<String, CSVRecord> bySessionId = rows.stream()
                .collect(Collectors.toMap(r -> r.get("sessionId"), Function.identity()));
        assertThat(bySessionId.keySet()).containsExactlyInAnyOrder(best, middle, worst);
        assertThat(bySessionId.get(best).get("candidateName")).isEqualTo("'" + FORMULA_NAME);
        assertThat(bySessionId.get(worst).get("candidateName")).isEqualTo("'-Mallory");
        assertThat(bySessionId.get(middle).get("candidateName")).isEqualTo("Grace Hopper");
        assertThat(bySessionId.get(best).get("percentile")).isEqualTo("83");
        assertThat(bySessionId.get(best).get("paste")).isEqualTo("3");
        assertThat(bySessionId.get(best).get("timeTakenSeconds")).isEqualTo("1200");
        assertThat(bySessionId.get(best).get("externalReference")).isEqualTo("ats-1");
        assertThat(response.body()).doesNotContain(",=HYPERLINK").doesNotContain("\"=HYPERLINK");

        assertThat(response.body()).as("no byte order mark unless asked: CSV readers would take it into the first "
                + "header").startsWith("sessionId,");
        String forExcel = api(PLATFORM).get("/api/results/export.csv?bom=true&testId=" + TEST).body();
        assertThat(forExcel).startsWith("\uFEFFsessionId,").contains("Grace Hopper");

        String ref = URLEncoder.encode("ats-3", StandardCharsets.UTF_8);
        String filtered = api(PLATFORM).get("/api/results/export.csv?externalReference=" + ref).body();
        assertThat(filtered.lines().count()).as("header and one row").isEqualTo(2);
        String otherTenant = api(Caller.platform(id("tenant-other"), "k")).get("/api/results/export.csv").body();
        assertThat(otherTenant.lines().toList()).hasSize(1).allSatisfy(line -> assertThat(line).startsWith("sessionId,"));
    }
}
