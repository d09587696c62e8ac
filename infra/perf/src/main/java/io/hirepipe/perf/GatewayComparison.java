package io.hirepipe.perf;

import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.InternalTokenIssuer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.hirepipe.perf.PerfContext.log;

/**
 * P1, P2 and P3: one cheap authenticated GET with wrk, through the gateways and straight to the service, the targets
 * of one comparison taking turns in the same rounds.
 */
final class GatewayComparison {

    private static final String DIRECT = "direct to question-service";
    private static final String STACK_GATEWAY = "the stack's gateway";
    private static final String LIMITS_ON = "gateway, limits+breakers on";
    private static final String LIMITS_OFF = "gateway, limits+breakers off";
    private static final String SLOW_DIRECT = "direct to a 50 ms backend";
    private static final String SLOW_GATEWAY = "gateway to the 50 ms backend";

    private final PerfContext run;

    GatewayComparison(PerfContext run) {
        this.run = run;
    }

    /** A URL and the Authorization header to send to it. */
    private record Target(String url, String authorization) {
    }

    void measure(String recruiterToken, String questionId, DelayedBackend slow, ExtraGateway on, ExtraGateway off,
                 ExtraGateway slowGateway) {
        String direct = "Bearer " + internalToken(recruiterToken);
        String bearer = Api.bearer(recruiterToken);
        Map<String, Target> targets = new LinkedHashMap<>();
        targets.put(DIRECT, new Target("http://127.0.0.1:" + run.stack().port("question") + "/api/questions/" + questionId, direct));
        targets.put(STACK_GATEWAY, new Target(run.stack().url("gateway") + "/api/v1/questions/" + questionId, bearer));
        targets.put(LIMITS_ON, new Target(on.url() + "/api/v1/questions/" + questionId, bearer));
        targets.put(LIMITS_OFF, new Target(off.url() + "/api/v1/questions/" + questionId, bearer));
        Map<String, Measurement> m = compare(targets);
        reportP1(m.get(DIRECT), m.get(STACK_GATEWAY));
        reportP3(m.get(LIMITS_ON), m.get(LIMITS_OFF));

        Map<String, Target> slowTargets = new LinkedHashMap<>();
        slowTargets.put(SLOW_DIRECT, new Target(slow.url() + "/api/questions/" + questionId, direct));
        slowTargets.put(SLOW_GATEWAY, new Target(slowGateway.url() + "/api/v1/questions/" + questionId, bearer));
        Map<String, Measurement> s = compare(slowTargets);
        reportP2(s.get(SLOW_DIRECT), s.get(SLOW_GATEWAY));
    }

    /** What the gateway would send question-service for this recruiter, signed with the stack's gateway key. */
    private String internalToken(String recruiterToken) {
        Map<String, Object> claims = Api.JSON.readValue(Base64.getUrlDecoder().decode(recruiterToken.split("\\.")[1]),
                Map.class);
        return new InternalTokenIssuer(InternalTokenIssuer.parseKeys(run.stack().secret("gateway-internal-signing-keys")),
                "hirepipe", Duration.ofHours(1), Clock.systemUTC())
                .issue(Caller.recruiter("demo", String.valueOf(claims.get("sub")), PerfRun.RECRUITER_EMAIL), "question-service");
    }

    private void reportP1(Measurement direct, Measurement stackGateway) {
        double p1 = stackGateway.perSecond() / direct.perSecond();
        run.report().add(new Report.Scenario("P1", "cheap authenticated GET: gateway ÷ direct", "≥ 0.6",
                ratio(p1) + " (gateway adds " + Report.number(stackGateway.p99Millis() - direct.p99Millis()) + " ms at p99)",
                p1 >= 0.6, List.of(new Report.Row(direct, 1.0), new Report.Row(stackGateway, p1)),
                List.of("`GET /api/v1/questions/{id}` through the stack's gateway with a recruiter JWT, and "
                                + "`GET /api/questions/{id}` straight to question-service with an internal token the harness "
                                + "signs with the stack's gateway key (as the gateway would); same connections, same rounds.",
                        "Ratio: throughput ÷ the direct baseline.")));
    }

    private void reportP3(Measurement on, Measurement off) {
        double p3 = on.perSecond() / off.perSecond();
        run.report().add(new Report.Scenario("P3", "gateway with limits and breakers on ÷ off", "≥ 0.97", ratio(p3)
                + " (p99 " + Report.number(on.p99Millis()) + " vs " + Report.number(off.p99Millis()) + " ms)",
                p3 >= 0.97, List.of(new Report.Row(off, 1.0), new Report.Row(on, p3)),
                List.of("Two more gateways beside the stack's, on the same database and keys, started together and driven "
                        + "alike (the same warm-up, then in turn in the same rounds as P1): on, the perf profile (every budget "
                        + "a million, so limits are evaluated and never refuse, breakers and time limits as configured); off, "
                        + "`HIREPIPE_RATE_LIMITS_ENABLED=false` and `HIREPIPE_RESILIENCE_ENABLED=false`. The stack's own "
                        + "gateway is P1's: it has served the whole preparation, so its compiled code is not the twins'. "
                        + "Ratio: throughput ÷ off.")));
    }

    private void reportP2(Measurement slowDirect, Measurement slowGateway) {
        double p2 = slowGateway.perSecond() / slowDirect.perSecond();
        double added = slowGateway.p99Millis() - slowDirect.p99Millis();
        run.report().add(new Report.Scenario("P2", "same GET with a backend that takes 50 ms", "ratio ≥ 0.95, added p99 ≤ 5 ms",
                ratio(p2) + ", added p99 " + Report.number(added) + " ms", p2 >= 0.95 && added <= 5,
                List.of(new Report.Row(slowDirect, 1.0), new Report.Row(slowGateway, p2)),
                List.of("The backend is a loopback stub in the harness that answers after 50 ms (a thread per connection, "
                        + "so it never queues; Nagle off, so the body does not wait 40 ms for a delayed ACK); a second gateway (perf profile, limits and breakers on) routes "
                        + "question-service's paths to it. Nothing in the services changes for this.")));
    }

    /** Each target warmed up, then the rounds, each starting with another target; the mean of each target's rounds. */
    private Map<String, Measurement> compare(Map<String, Target> targets) {
        Plan plan = run.plan();
        targets.forEach((label, target) -> {
            log("warming up " + label);
            Measurement warm = run.wrk().run(label, target.url(), target.authorization(), plan.wrkConnections(),
                    plan.wrkWarmupSeconds());
            // A short warm-up on a cold or busy stack may see no answer within its window; only the rounds
            // measure, so the warm-up reports failed requests but not an empty window.
            if (warm.count() > 0) {
                run.requireNoErrors("warm-up " + label, warm);
            }
        });
        Map<String, List<Measurement>> rounds = new LinkedHashMap<>();
        List<Map.Entry<String, Target>> order = new ArrayList<>(targets.entrySet());
        for (int round = 0; round < plan.wrkRounds(); round++) {
            for (Map.Entry<String, Target> target : order) {
                Measurement m = run.wrk().run(target.getKey(), target.getValue().url(), target.getValue().authorization(),
                        plan.wrkConnections(), plan.wrkSeconds());
                log(String.format(Locale.ROOT, "  %-32s %8.0f req/s  p99 %6.1f ms  errors %d", target.getKey(),
                        m.perSecond(), m.p99Millis(), m.errors()));
                rounds.computeIfAbsent(target.getKey(), k -> new ArrayList<>()).add(m);
            }
            Collections.rotate(order, 1);   // a slow stretch of a shared machine falls on every target
        }
        Map<String, Measurement> means = new LinkedHashMap<>();
        rounds.forEach((label, list) -> {
            Measurement mean = Measurement.meanOf(label, list);
            run.requireNoErrors(label, mean);
            means.put(label, mean);
        });
        return means;
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
