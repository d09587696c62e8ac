package io.hirepipe.gateway.audit;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.Page;
import io.hirepipe.defaults.web.QueryParameters;
import io.hirepipe.defaults.web.SpreadsheetSafe;
import io.hirepipe.gateway.versioning.PublicApi;
import io.hirepipe.gateway.web.CorrelationIdWebFilter;
import org.apache.commons.csv.CSVFormat;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static io.hirepipe.defaults.web.QueryParameters.instant;
import static io.hirepipe.defaults.web.QueryParameters.invalid;

/**
 * The tenant's audit log, for admins: read and export only. There is deliberately no handler for
 * POST, PUT, PATCH or DELETE, so those answer 405: no entry can be changed or removed through the API.
 */
@Tag(name = "Audit")
@RestController
@RequestMapping(AuditController.PATH)
@PreAuthorize("hasRole('ADMIN')")
public class AuditController {

    static final String PATH = PublicApi.V1 + "/audit";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final int MAX_TEXT = 254;
    static final String[] HEADER = {"id", "occurredAt", "action", "outcome", "actorId", "actorKind", "actorEmail",
            "targetType", "targetId", "correlationId", "details"};

    private final AuditTrail trail;
    private final Clock clock;

    public AuditController(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    public record AuditEntryView(@Schema(example = "aud_2Xq8Lm5Rt7Wp4Kd") String id,
                                 Instant occurredAt,
                                 @Schema(example = "score.adjusted") String action,
                                 @Schema(example = "SUCCESS") String outcome,
                                 @Schema(example = "usr_9Lm2Xq7Wp4Kd8Rt") String actorId,
                                 @Schema(example = "USER") String actorKind,
                                 @Schema(example = "rita@acme.example") String actorEmail,
                                 @Schema(example = "result") String targetType,
                                 @Schema(example = "ses_HJs7Pq2Xv9Lm4Nc") String targetId,
                                 @Schema(example = "4bf92f3577b34da6a3ce929d0e0e4736") String correlationId,
                                 @Schema(example = "{\"points\": \"3.00\", \"previousPoints\": \"2.00\", \"questionId\": \"q_4GkR7wP2xYb9LmN3\", \"reason\": \"names both ideas\"}") Map<String, String> details) {

        /**
         * Spring's codecs log bodies by toString at DEBUG; a record's would print the actor's email, and details may
         * hold an email or a reason naming a candidate.
         */
        @Override
        public String toString() {
            return "AuditEntryView[id=" + id + ", action=" + action + ", outcome=" + outcome + ", actorId=" + actorId
                    + ", targetType=" + targetType + ", targetId=" + targetId + ", actorEmail and details hidden]";
        }

        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.id(), e.occurredAt(), e.action(), e.outcome(), e.actorId(), e.actorKind(),
                    e.actorEmail(), e.targetType(), e.targetId(), e.correlationId(), new TreeMap<>(e.details()));
        }
    }

    /** Newest first, narrowed by actor (id or email), action, target and time, paged by cursor. */
    @Operation(summary = "List audit log entries")
    @GetMapping
    public Mono<Page<AuditEntryView>> list(@AuthenticationPrincipal Caller caller,
                                           @RequestParam(required = false) String actor,
                                           @RequestParam(required = false) String action,
                                           @RequestParam(required = false) String targetId,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(required = false) String limit,
                                           @RequestParam(required = false) String cursor) {
        return Mono.fromCallable(() -> query(actor, action, targetId, from, to, Cursor.decode(cursor)))
                .zipWith(Mono.fromCallable(() -> limit(limit)))
                .flatMap(parsed -> trail.find(caller.tenantId(), parsed.getT1(), parsed.getT2() + 1).collectList()
                        .map(rows -> Page.of(rows, parsed.getT2(),
                                        last -> new Cursor(last.occurredAt(), last.id()).encode())
                                .map(AuditEntryView::of)));
    }

    /** One entry; another tenant's id is unknown here. */
    @Operation(summary = "Get an audit log entry")
    @GetMapping("/{id}")
    public Mono<AuditEntryView> get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return trail.get(caller.tenantId(), id).map(AuditEntryView::of)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("audit entry", id)));
    }

    /** Every matching entry as CSV (spreadsheet-safe cells), written while it is read; the export is itself audited. */
    @Operation(summary = "Export the audit log as CSV")
    @ApiResponse(responseCode = "200", description = "The entries as CSV, one row each",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @GetMapping("/export.csv")
    public Mono<ResponseEntity<Flux<DataBuffer>>> export(@AuthenticationPrincipal Caller caller,
                                                     @RequestParam(required = false) String actor,
                                                     @RequestParam(required = false) String action,
                                                     @RequestParam(required = false) String targetId,
                                                     @RequestParam(required = false) String from,
                                                     @RequestParam(required = false) String to,
                                                     ServerWebExchange exchange) {
        return Mono.fromCallable(() -> query(actor, action, targetId, from, to, null))
                .flatMap(query -> trail.record(AuditEntry.byCaller(caller, "audit.exported", "audit-log",
                                caller.tenantId(), AuditRecorded.SUCCESS, exportDetails(actor, action, targetId, from, to),
                                CorrelationIdWebFilter.of(exchange), clock.instant()))
                        .thenReturn(ResponseEntity.ok()
                                .header(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8")
                                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
                                // bytes, not strings: the codecs log a string body's text at DEBUG (with emails),
                                // a buffer's size only
                                .body(Flux.concat(Flux.just(line((Object[]) HEADER)),
                                                trail.stream(caller.tenantId(), query).map(AuditController::row))
                                        .map(line -> exchange.getResponse().bufferFactory()
                                                .wrap(line.getBytes(StandardCharsets.UTF_8))))));
    }

    private static String row(AuditEntry e) {
        StringBuilder details = new StringBuilder();
        new TreeMap<>(e.details()).forEach((k, v) -> details.append(details.isEmpty() ? "" : "; ").append(k).append('=').append(v));
        return line(e.id(), e.occurredAt(), safe(e.action()), e.outcome(), safe(e.actorId()), e.actorKind(),
                safe(e.actorEmail()), safe(e.targetType()), safe(e.targetId()), safe(e.correlationId()),
                safe(details.toString()));
    }

    private static String safe(String value) {
        return SpreadsheetSafe.cell(value);
    }

    private static String line(Object... values) {
        return CSVFormat.RFC4180.format(values) + "\r\n";
    }

    private static Map<String, String> exportDetails(String actor, String action, String targetId, String from,
                                                     String to) {
        Map<String, String> filters = new TreeMap<>();
        putIfGiven(filters, "actor", actor);
        putIfGiven(filters, "action", action);
        putIfGiven(filters, "targetId", targetId);
        putIfGiven(filters, "from", from);
        putIfGiven(filters, "to", to);
        return filters;
    }

    private static void putIfGiven(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    static AuditQuery query(String actor, String action, String targetId, String from, String to, Cursor after) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw invalid("from", "Parameter 'from' must be before 'to'.");
        }
        return new AuditQuery(text("actor", actor), text("action", action), text("targetId", targetId), start, end,
                after);
    }

    static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like a number out of range
        }
        throw invalid("limit", "Parameter 'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    private static String text(String name, String value) {
        return QueryParameters.text(name, value, MAX_TEXT);
    }
}
