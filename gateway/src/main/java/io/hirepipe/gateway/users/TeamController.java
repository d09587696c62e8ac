package io.hirepipe.gateway.users;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.contracts.events.AuditRecorded;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.Role;
import io.hirepipe.gateway.audit.AuditEntry;
import io.hirepipe.gateway.audit.AuditTrail;
import io.hirepipe.gateway.identity.RecruiterUser;
import io.hirepipe.gateway.identity.UserStatus;
import io.hirepipe.gateway.versioning.PublicApi;
import io.hirepipe.gateway.web.CorrelationIdWebFilter;
import io.hirepipe.defaults.web.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A tenant's admins manage its people: invite, list, change roles, deactivate. */
@Tag(name = "Users")
@RestController
@RequestMapping(TeamController.PATH)
@PreAuthorize("hasRole('ADMIN')")
public class TeamController {

    static final String PATH = PublicApi.V1 + "/users";

    private final Team team;
    private final AuditTrail audit;
    private final Clock clock;

    public TeamController(Team team, AuditTrail audit, Clock clock) {
        this.team = team;
        this.audit = audit;
        this.clock = clock;
    }

    public record InviteRequest(@Schema(example = "nina@example.com") @NotBlank @Email @Size(max = 254) String email,
                                @NotNull Role role) {

        /** Spring's codecs log bodies by toString at DEBUG; a record's would print the new user's email. */
        @Override
        public String toString() {
            return "InviteRequest[role=" + role + ", email hidden]";
        }
    }

    /** Both optional: {@code active: false} deactivates, {@code true} reactivates. */
    public record ChangeRequest(Role role, Boolean active) {
    }

    /** @param status INVITED (no password set yet), ACTIVE or DEACTIVATED */
    public record UserView(@Schema(example = "usr_9Lm2Xq7Wp4Kd8Rt") String id,
                           @Schema(example = "nina@example.com") String email,
                           Role role,
                           @Schema(example = "ACTIVE") String status,
                           Instant createdAt) {

        /** Spring's codecs log bodies by toString at DEBUG; a record's would print the user's email. */
        @Override
        public String toString() {
            return "UserView[id=" + id + ", role=" + role + ", status=" + status + ", email hidden]";
        }

        static UserView of(RecruiterUser user) {
            return new UserView(user.id(), user.email(), user.role(), user.status().name(), user.createdAt());
        }
    }

    public record UserList(List<UserView> items) {
    }

    @Operation(summary = "List the team's users")
    @GetMapping
    public Mono<UserList> list(@AuthenticationPrincipal Caller admin) {
        return team.list(admin.tenantId()).map(UserView::of).collectList().map(UserList::new);
    }

    @Operation(summary = "Get a user")
    @GetMapping("/{id}")
    public Mono<UserView> get(@AuthenticationPrincipal Caller admin, @PathVariable String id) {
        return team.get(admin.tenantId(), id).map(UserView::of);
    }

    /** 201 for a new account; 200 when an invited person is sent a fresh link. */
    @Refusal(status = 409, type = "email-taken",
            detail = "email: an account with this email exists already.")
    @Operation(summary = "Invite a user")
    @ApiResponse(responseCode = "201", description = "Invited; Location names the user", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "The address was invited before: the user as it is", useReturnTypeSchema = true)
    @PostMapping
    public Mono<ResponseEntity<UserView>> invite(@AuthenticationPrincipal Caller admin,
                                                 @Valid @RequestBody InviteRequest request,
                                                 ServerWebExchange exchange) {
        return team.invite(admin, request.email(), request.role())
                .flatMap(invited -> audited(admin, "user.invited", invited.user(), invited.previousRole(), exchange)
                        .thenReturn(invited))
                .map(invited -> invited.created()
                        ? ResponseEntity.created(URI.create(PATH + "/" + invited.user().id()))
                                .body(UserView.of(invited.user()))
                        : ResponseEntity.ok(UserView.of(invited.user())));
    }

    @Refusal(status = 409, type = "last-admin",
            detail = "This is the tenant's last active admin. Make someone else an admin first.")
    @Operation(summary = "Change a user's role or activation")
    @PatchMapping("/{id}")
    public Mono<UserView> change(@AuthenticationPrincipal Caller admin, @PathVariable String id,
                                 @RequestBody ChangeRequest request, ServerWebExchange exchange) {
        if (request.role() == null && request.active() == null) {
            return Mono.error(ProblemException.badRequest("invalid-request", "role: give a role, active, or both.")
                    .with("field", "role"));
        }
        return team.change(admin, id, request.role(), request.active())
                .flatMap(changed -> audited(admin, changed, exchange).thenReturn(changed.after()))
                .map(UserView::of);
    }

    @Refusal(status = 409, type = "last-admin",
            detail = "This is the tenant's last active admin. Make someone else an admin first.")
    @Operation(summary = "Deactivate a user")
    @PostMapping("/{id}/deactivate")
    public Mono<UserView> deactivate(@AuthenticationPrincipal Caller admin, @PathVariable String id,
                                     ServerWebExchange exchange) {
        return team.deactivate(admin, id)
                .flatMap(changed -> audited(admin, changed, exchange).thenReturn(changed.after()))
                .map(UserView::of);
    }

    /**
     * One entry per thing that changed (a role change and a deactivation in one PATCH are two entries), none when
     * nothing did: the log names what happened, not what was asked.
     */
    private Mono<Void> audited(Caller admin, Team.Changed changed, ServerWebExchange exchange) {
        RecruiterUser before = changed.before();
        RecruiterUser after = changed.after();
        Mono<Void> entries = Mono.empty();
        if (before.role() != after.role()) {
            entries = entries.then(audited(admin, "user.role-changed", after, before.role(), exchange));
        }
        if (before.status() != after.status() && after.status() == UserStatus.DEACTIVATED) {
            entries = entries.then(audited(admin, "user.deactivated", after, null, exchange));
        } else if (before.status() == UserStatus.DEACTIVATED && after.status() != UserStatus.DEACTIVATED) {
            entries = entries.then(audited(admin, "user.reactivated", after, null, exchange));
        }
        return entries;
    }

    /**
     * The person's id, role and status after the change, and the role they had when it changed; their email stays
     * in the user record, not the log.
     */
    private Mono<Void> audited(Caller admin, String action, RecruiterUser user, Role previousRole,
                               ServerWebExchange exchange) {
        Map<String, String> details = new TreeMap<>(Map.of("role", user.role().name(), "status", user.status().name()));
        if (previousRole != null) {
            details.put("previousRole", previousRole.name());
        }
        return audit.record(AuditEntry.byCaller(admin, action, "user", user.id(), AuditRecorded.SUCCESS, details,
                CorrelationIdWebFilter.of(exchange), clock.instant()));
    }
}
