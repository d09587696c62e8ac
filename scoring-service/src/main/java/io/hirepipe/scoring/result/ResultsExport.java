package io.hirepipe.scoring.result;

import io.hirepipe.contracts.events.IntegrityCounts;
import io.hirepipe.defaults.web.SpreadsheetSafe;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the results of a query as CSV (RFC 4180, via Commons CSV) row by row while reading them
 * from MongoDB, so an export of any size never sits in memory. Text cells are made spreadsheet-safe.
 */
@Component
class ResultsExport {

    static final String[] HEADER = {"sessionId", "invitationId", "externalReference", "testId", "testTitle",
            "candidateName", "candidateEmail", "points", "maxPoints", "percent", "percentile", "passMarkPercent",
            "passed", "status", "submitReason", "startedAt", "submittedAt", "scoredAt", "timeTakenSeconds",
            "focusLost", "hidden", "paste", "copy"};
    private static final int FLUSH_EVERY = 200;

    private final ResultStore results;

    ResultsExport(ResultStore results) {
        this.results = results;
    }

    void write(String tenantId, ResultQuery query, Writer out) throws IOException {
        PercentileRanks percentiles = new PercentileRanks(results, tenantId);
        CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out);
        try (Stream<ScoringResult> rows = results.stream(tenantId, query)) {
            int written = 0;
            for (Iterator<ScoringResult> it = rows.iterator(); it.hasNext(); ) {
                csv.printRecord(row(it.next(), percentiles));
                if (++written % FLUSH_EVERY == 0) {
                    csv.flush();
                }
            }
        }
        csv.flush();
    }

    private static List<Object> row(ScoringResult r, PercentileRanks percentiles) {
        IntegrityCounts integrity = r.integrity();
        List<Object> row = new ArrayList<>(HEADER.length);
        row.add(SpreadsheetSafe.cell(r.sessionId()));
        row.add(SpreadsheetSafe.cell(r.invitationId()));
        row.add(SpreadsheetSafe.cell(r.externalReference()));
        row.add(SpreadsheetSafe.cell(r.testId()));
        row.add(SpreadsheetSafe.cell(r.testTitle()));
        row.add(SpreadsheetSafe.cell(r.candidate() == null ? null : r.candidate().name()));
        row.add(SpreadsheetSafe.cell(r.candidate() == null ? null : r.candidate().email()));
        row.add(r.points() == null ? null : r.points().toPlainString());
        row.add(r.maxPoints());
        row.add(r.percent());
        row.add(percentiles.of(r));
        row.add(r.passMarkPercent());
        row.add(r.passed());
        row.add(r.provisional() ? "PROVISIONAL" : "FINAL");
        row.add(r.submitReason());
        row.add(r.startedAt());
        row.add(r.submittedAt());
        row.add(r.scoredAt());
        row.add(r.timeTakenSeconds());
        row.add(integrity == null ? null : integrity.focusLost());
        row.add(integrity == null ? null : integrity.hidden());
        row.add(integrity == null ? null : integrity.paste());
        row.add(integrity == null ? null : integrity.copy());
        return row;
    }
}
