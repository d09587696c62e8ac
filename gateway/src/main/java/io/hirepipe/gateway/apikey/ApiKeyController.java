package io.hirepipe.gateway.apikey;

import io.hirepipe.gateway.versioning.PublicApi;
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
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Recruiters manage their tenant's API keys for platform integrations. */
@RestController
@RequestMapping(ApiKeyController.PATH)
@PreAuthorize("hasRole('ADMIN')")
public class ApiKeyController {

    static final String PATH = PublicApi.V1 + "/api-keys";

    private final ApiKeys apiKeys;

    public ApiKeyController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    /**
     * @param scopes what the key may do, at least one of {@link ApiScope#names()}: a key gets only what
     *               its integration needs
     */
    public record CreateApiKeyRequest(@NotBlank @Size(max = 100) String name,
                                      @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 50) String> scopes) {
    }

    /** The only response that ever contains the full key. */
    public record CreatedApiKey(String id, String name, String key, String prefix, List<String> scopes,
                                Instant createdAt) {
    }

    public record ApiKeyView(String id, String name, String prefix, List<String> scopes, Instant createdAt,
                             String createdBy, boolean revoked, Instant revokedAt) {
        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id(), key.name(), key.prefix(), names(key.effectiveScopes()), key.createdAt(),
                    key.createdBy(), key.revoked(), key.revokedAt());
        }
    }

    public record ApiKeyList(List<ApiKeyView> items) {
    }

    @PostMapping
    public Mono<ResponseEntity<CreatedApiKey>> create(@AuthenticationPrincipal Caller caller,
                                                      @Valid @RequestBody CreateApiKeyRequest request) {
        return Mono.fromCallable(() -> scopesOf(request.scopes()))
                .flatMap(scopes -> apiKeys.create(caller, request.name(), scopes))
                .map(created -> ResponseEntity
                .created(URI.create(PATH + "/" + created.key().id()))
                .body(new CreatedApiKey(created.key().id(), created.key().name(), created.value(),
                        created.key().prefix(), names(created.key().effectiveScopes()), created.key().createdAt())));
    }

    private static Set<ApiScope> scopesOf(List<String> names) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String name : names) {
            scopes.add(ApiScope.parse(name.trim()).orElseThrow(() -> unknownScope(name)));
        }
        return scopes;
    }

    private static List<String> names(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::value).toList();
    }

    private static ProblemException unknownScope(String name) {
        String shown = name.length() > 50 ? name.substring(0, 50) + "…" : name;
        return ProblemException.badRequest("invalid-request",
                "scopes: unknown scope '" + shown + "'; known scopes are " + String.join(", ", ApiScope.names()) + ".");
    }

    @GetMapping
    public Mono<ApiKeyList> list(@AuthenticationPrincipal Caller caller) {
        return apiKeys.list(caller.tenantId()).map(ApiKeyView::of).collectList().map(ApiKeyList::new);
    }

    @GetMapping("/{id}")
    public Mono<ApiKeyView> get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return apiKeys.get(caller.tenantId(), id).map(ApiKeyView::of);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> revoke(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return apiKeys.revoke(caller.tenantId(), id);
    }
}
