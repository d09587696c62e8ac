package io.hirepipe.faults;

import java.time.Duration;
import java.util.List;

/** target/fault-report.md: one row per scenario, then what each asserted and which candidate steps failed. */
final class FaultReport {

    private FaultReport() {
    }

    static String markdown(List<ScenarioResult> results, String machine, String command) {
        StringBuilder md = new StringBuilder();
        md.append("# Fault report\n\n");
        md.append("Command: `").append(command).append("`  \n");
        md.append("Machine: ").append(machine).append("\n\n");
        md.append("Effects are counted at the edges for every acknowledged submission: a result in the API, the recruiter's ")
                .append("report email in the SMTP sink (and the candidate's invitation email), and webhook deliveries at ")
                .append("the receiver where the scenario subscribes one. Lost = expected effects never seen; duplicates = ")
                .append("a second effect for one session.\n\n");
        md.append("| # | fault | load | acknowledged / invited | results | report emails | invitation emails | webhooks | lost | duplicates | recovery | result |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioResult r : results) {
            Edges.Count c = r.count();
            if (c == null) {
                md.append("| ").append(r.id()).append(" | ").append(r.fault()).append(" | ").append(r.load())
                        .append(" | – | – | – | – | – | – | – | – | **FAIL** (did not run to the end) |\n");
                continue;
            }
            md.append("| ").append(r.id())
                    .append(" | ").append(r.fault())
                    .append(" | ").append(r.load())
                    .append(" | ").append(c.expected()).append(" / ").append(r.invited())
                    .append(" | ").append(c.results()).append(" / ").append(c.expected())
                    .append(" | ").append(c.reports()).append(" / ").append(c.expected())
                    .append(" | ").append(c.invitationMails()).append(" / ").append(c.expected())
                    .append(" | ").append(c.webhooksCounted() ? c.webhooks() + " / " + c.expected() : "–")
                    .append(" | ").append(c.lost())
                    .append(" | ").append(c.duplicates())
                    .append(" | ").append(r.recovery() == null ? "not recovered" : seconds(r.recovery()))
                    .append(" | ").append(r.passed() ? "pass" : "**FAIL**").append(" |\n");
        }
        md.append("\n");
        for (ScenarioResult r : results) {
            md.append("## ").append(r.id()).append(" — ").append(r.passed() ? "pass" : "FAIL").append("\n\n");
            md.append("Fault: ").append(r.fault()).append(". Load: ").append(r.load()).append(".\n\n");
            for (ScenarioResult.Check check : r.checks()) {
                md.append("- ").append(check.passed() ? "ok: " : "**failed**: ").append(check.what()).append("\n");
            }
            if (!r.candidateFailures().isEmpty()) {
                md.append("- candidate steps that failed (after the client's retries): ").append(r.candidateFailures().size())
                        .append("; first: ").append(r.candidateFailures().get(0).replace('|', '/')).append("\n");
            }
            md.append("\n");
        }
        return md.toString();
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
