package io.hirepipe.faults;

import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a scenario's effects where a user would see them: results in the API, the recruiter's report
 * email and the candidate's invitation email in the SMTP sink, and (when subscribed) webhook deliveries
 * at the receiver. Waits until every expected effect is there or the time is up, then a little longer,
 * so a late duplicate is counted too.
 */
final class Edges {

    /** What was seen for the acknowledged candidates of one scenario. */
    record Count(int expected, int results, int resultDuplicates, int reports, int reportDuplicates,
                 int invitationMails, int invitationMailDuplicates, int webhooks, int webhookDuplicates,
                 boolean webhooksCounted, Duration waited) {

        int lost() {
            return Math.max(0, expected - results) + Math.max(0, expected - reports)
                    + Math.max(0, expected - invitationMails)
                    + (webhooksCounted ? Math.max(0, expected - webhooks) : 0);
        }

        int duplicates() {
            return resultDuplicates + reportDuplicates + invitationMailDuplicates + (webhooksCounted ? webhookDuplicates : 0);
        }

        boolean complete() {
            return results >= expected && reports >= expected && invitationMails >= expected
                    && (!webhooksCounted || webhooks >= expected);
        }
    }

    private final StackUnderTest stack;
    private final Recruiter recruiter;
    private final WebhookReceiver webhooks;

    Edges(StackUnderTest stack, Recruiter recruiter, WebhookReceiver webhooks) {
        this.stack = stack;
        this.recruiter = recruiter;
        this.webhooks = webhooks;
    }

    Count await(String testId, List<Candidate> candidates, Duration timeout, Duration settle) {
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        Count count = count(testId, candidates);
        while (!count.complete() && Instant.now().isBefore(deadline)) {
            StackUnderTest.sleep(Duration.ofSeconds(2));
            count = count(testId, candidates);
        }
        Duration waited = Duration.between(started, Instant.now());
        StackUnderTest.sleep(settle);
        Count last = count(testId, candidates);
        return new Count(last.expected(), last.results(), last.resultDuplicates(), last.reports(), last.reportDuplicates(),
                last.invitationMails(), last.invitationMailDuplicates(), last.webhooks(), last.webhookDuplicates(),
                last.webhooksCounted(), waited);
    }

    /** How notification-service's submission receipt to the candidate begins its subject. */
    static final String RECEIPT_SUBJECT = "We received your ";

    Count count(String testId, List<Candidate> candidates) {
        List<Candidate> acknowledged = candidates.stream().filter(Candidate::acknowledged).toList();
        Map<String, Integer> resultsBySession = results(testId);
        Map<String, Integer> reportsBySubject = new HashMap<>();
        Map<String, Integer> mailsByRecipient = new HashMap<>();
        for (StackUnderTest.Mail mail : stack.mail()) {
            if (mail.subject().startsWith(RECEIPT_SUBJECT)) {
                continue; // the candidate's receipt of a submission is not a second invitation
            }
            for (String recipient : mail.to().toLowerCase().split(",")) {
                mailsByRecipient.merge(recipient.trim(), 1, Integer::sum);
            }
            reportsBySubject.merge(mail.subject(), 1, Integer::sum);
        }
        int results = 0, resultDuplicates = 0, reports = 0, reportDuplicates = 0, invitationMails = 0, invitationDuplicates = 0;
        int hooks = 0, hookDuplicates = 0;
        Map<String, java.util.Set<String>> accepted = webhooks == null ? Map.of() : webhooks.acceptedEvents();
        for (Candidate candidate : acknowledged) {
            int r = resultsBySession.getOrDefault(candidate.sessionId(), 0);
            results += Math.min(r, 1);
            resultDuplicates += Math.max(0, r - 1);
            int reportMails = reportsFor(candidate, reportsBySubject);
            reports += Math.min(reportMails, 1);
            reportDuplicates += Math.max(0, reportMails - 1);
            int invitationMail = mailsByRecipient.getOrDefault(candidate.email(), 0);
            invitationMails += Math.min(invitationMail, 1);
            invitationDuplicates += Math.max(0, invitationMail - 1);
            java.util.Set<String> events = accepted.getOrDefault(candidate.sessionId(), java.util.Set.of());
            hooks += Math.min(events.size(), 1);
            // a second distinct event for one scoring is a second effect; the same event again is at-least-once
            hookDuplicates += Math.max(0, events.size() - 1);
        }
        return new Count(acknowledged.size(), results, resultDuplicates, reports, reportDuplicates, invitationMails,
                invitationDuplicates, hooks, hookDuplicates, webhooks != null, Duration.ZERO);
    }

    /** The recruiter's report names the candidate in its subject ("…: Fault R1x00042 – 100.0% (…)"). */
    private static int reportsFor(Candidate candidate, Map<String, Integer> bySubject) {
        int count = 0;
        for (Map.Entry<String, Integer> entry : bySubject.entrySet()) {
            if (entry.getKey().contains(candidate.name() + " ")) {
                count += entry.getValue();
            }
        }
        return count;
    }

    /** Every result of the test, by session id, paging through the API. */
    private Map<String, Integer> results(String testId) {
        Map<String, Integer> bySession = new HashMap<>();
        resultRows(testId).forEach(row -> bySession.merge(row.path("sessionId").asString(""), 1, Integer::sum));
        return bySession;
    }

    /** Every result row of the test, paging through the API. */
    List<JsonNode> resultRows(String testId) {
        List<JsonNode> rows = new java.util.ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/v1/results?limit=100&testId=" + testId
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Gateway.Reply page = recruiter.api().get(path);
            if (!page.ok()) {
                throw new IllegalStateException("results: " + page.status() + " " + page.body());
            }
            page.body().path("items").forEach(rows::add);
            cursor = page.body().path("hasMore").asBoolean(false) ? page.body().path("nextCursor").asString(null) : null;
        } while (cursor != null);
        return rows;
    }
}
