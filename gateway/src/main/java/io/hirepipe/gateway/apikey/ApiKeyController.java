package io.hirepipe.gateway.apikey;

import io.hirepipe.defaults.security.ApiScope;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.gateway.audit.AuditEntry;
import io.hirepipe.gateway.audit.AuditTrail;
import io.hirepipe.gateway.versioning.PublicApi;
import io.hirepipe.gateway.web.CorrelationIdWebFilter;
import org.springframework.web.server.ServerWebExchange;
import io.hirepipe.defaults.security.Caller;
import jakarta.validation.Valid;
import io.hirepipe.defaults.problem.ProblemException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Recruiters manage their tenant's API keys for platform integrations. */
@Tag(name = "API keys")
@RestController
@RequestMapping(ApiKeyController.PATH)
@PreAuthorize("hasRole('ADMIN')")
public class ApiKeyController {

    static final String PATH = PublicApi.V1 + "/api-keys";

    private final ApiKeys apiKeys;
    private final AuditTrail audit;
    private final Clock clock;

    public ApiKeyController(ApiKeys apiKeys, AuditTrail audit, Clock clock) {
        this.apiKeys = apiKeys;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param scopes what the key may do, at least one of {@link ApiScope#names()}: a key gets only what
     *               its integration needs
     */
    public record CreateApiKeyRequest(@Schema(example = "Greenhouse integration") @NotBlank @Size(max = 100) String name,
                                      @ArraySchema(schema = @Schema(example = "invitations:write")) @NotEmpty @Size(max = 20, message = "must have at most {max} entries") List<@NotBlank @Size(max = 50) String> scopes) {
    }

    /** The only response that ever contains the full key. */
    public record CreatedApiKey(@Schema(example = "key_5Tq8Wm2Kd7Lp3Rx") String id,
                                @Schema(example = "Greenhouse integration") String name,
                                @Schema(example = "hp_3kZq_Xc8Lm2Wp7Kd4Rt9Vb3Nc") String key,
                                @Schema(example = "hp_3kZq") String prefix,
                                @ArraySchema(schema = @Schema(example = "invitations:write")) List<String> scopes,
                                Instant createdAt) {

        /** Spring's codecs log bodies by toString at DEBUG; a record's would print the key. */
        @Override
        public String toString() {
            return "CreatedApiKey[id=" + id + ", prefix=" + prefix + ", key hidden]";
        }
    }

    public record ApiKeyView(@Schema(example = "key_5Tq8Wm2Kd7Lp3Rx") String id,
                             @Schema(example = "Greenhouse integration") String name,
                             @Schema(example = "hp_3kZq") String prefix,
                             @ArraySchema(schema = @Schema(example = "invitations:write")) List<String> scopes,
                             Instant createdAt,
                             @Schema(example = "usr_9Lm2Xq7Wp4Kd8Rt") String createdBy,
                             boolean revoked,
                             Instant revokedAt) {
        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id(), key.name(), key.prefix(), names(key.effectiveScopes()), key.createdAt(),
                    key.createdBy(), key.revoked(), key.revokedAt());
        }
    }

    public record ApiKeyList(List<ApiKeyView> items) {
    }

    @Operation(summary = "Create an API key (the key is shown once)")
    @ApiResponse(responseCode = "201", description = "The key, created; its secret key is shown this once; Location names it",
            useReturnTypeSchema = true)
    @PostMapping
    public Mono<ResponseEntity<CreatedApiKey>> create(@AuthenticationPrincipal Caller caller,
                                                      @Valid @RequestBody CreateApiKeyRequest request,
                                                      ServerWebExchange exchange) {
        return Mono.fromCallable(() -> scopesOf(request.scopes()))
                .flatMap(scopes -> apiKeys.create(caller, request.name(), scopes))
                // the key's name and scopes, never its value
                .flatMap(created -> audited(caller, "api-key.created", created.key().id(),
                        Map.of("name", created.key().name(), "scopes", String.join(" ", names(created.key().effectiveScopes()))),
                        exchange).thenReturn(created))
                .map(created -> ResponseEntity
                .created(URI.create(PATH + "/" + created.key().id()))
                .body(new CreatedApiKey(created.key().id(), created.key().name(), created.value(),
                        created.key().prefix(), names(created.key().effectiveScopes()), created.key().createdAt())));
    }

    private static Set<ApiScope> scopesOf(List<String> names) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String field = "scopes[" + i + "]";
            scopes.add(ApiScope.parse(name.trim()).orElseThrow(() -> unknownScope(field, name)));
        }
        return scopes;
    }

    private static List<String> names(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::value).toList();
    }

    /** Named in errors[] like a field that fails bean validation, so a client finds it where it finds those. */
    private static ProblemException unknownScope(String field, String name) {
        String shown = name.length() > 50 ? name.substring(0, 50) + "…" : name;
        String message = "unknown scope '" + shown + "'; known scopes are " + String.join(", ", ApiScope.names());
        return ProblemException.badRequest("invalid-request", field + ": " + message + ".")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }

    @Operation(summary = "List API keys")
    @GetMapping
    public Mono<ApiKeyList> list(@AuthenticationPrincipal Caller caller) {
        return apiKeys.list(caller.tenantId()).map(ApiKeyView::of).collectList().map(ApiKeyList::new);
    }

    @Operation(summary = "Get an API key")
    @GetMapping("/{id}")
    public Mono<ApiKeyView> get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return apiKeys.get(caller.tenantId(), id).map(ApiKeyView::of);
    }

    @Operation(summary = "Revoke an API key")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> revoke(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                             ServerWebExchange exchange) {
        return apiKeys.revoke(caller.tenantId(), id).then(audited(caller, "api-key.revoked", id, Map.of(), exchange));
    }

    private Mono<Void> audited(Caller caller, String action, String keyId, Map<String, String> details,
                               ServerWebExchange exchange) {
        return audit.record(AuditEntry.byCaller(caller, action, "api-key", keyId, AuditRecorded.SUCCESS, details,
                CorrelationIdWebFilter.of(exchange), clock.instant()));
    }
}
