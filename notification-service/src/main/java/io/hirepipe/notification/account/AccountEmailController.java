package io.hirepipe.notification.account;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.defaults.kafka.NonRetryableEventException;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.notification.delivery.DeliveryKind;
import io.hirepipe.notification.delivery.DeliveryLog.NewDelivery;
import io.hirepipe.notification.delivery.EmailDispatcher;
import io.hirepipe.notification.delivery.EmailDispatcher.Outcome;
import io.hirepipe.notification.mail.EmailMessage;
import io.hirepipe.notification.mail.AccountEmail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Account emails the gateway asks for (it owns identities but has no Kafka): an invited person's
 * set-password link and a password reset link. They go through the same delivery log as every other email,
 * so a refused send is kept (its message, link included, encrypted) and retried; the link is never logged.
 * Only the gateway calls this, as a SERVICE within the tenant.
 */
@Tag(name = "Internal")
@RestController
@PreAuthorize("hasRole('SERVICE')")
public class AccountEmailController {

    static final String GATEWAY = "gateway";

    private final EmailDispatcher dispatcher;
    private final AccountEmail emails;
    private final Clock clock;

    public AccountEmailController(EmailDispatcher dispatcher, AccountEmail emails, Clock clock) {
        this.dispatcher = dispatcher;
        this.emails = emails;
        this.clock = clock;
    }

    public enum AccountEmailKind { USER_INVITE, PASSWORD_RESET }

    /**
     * @param requestId makes a repeated request send nothing twice (the gateway sends its link's id); optional
     */
    public record AccountEmailRequest(@Schema(example = "acme") @NotBlank @Size(max = 100) String tenantId,
                                      @Schema(example = "nina@example.com") @NotBlank @Email @Size(max = 254) String to,
                                      @NotNull AccountEmailKind kind,
                                      @Schema(example = "https://hirepipe.example/set-password#token=pw_Xc5\u2026") @NotBlank @Size(max = 2000) String link,
                                      @NotNull Instant expiresAt,
                                      @Schema(example = "pw-reset-2026-03-01-0001") @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9_-]+$") String requestId) {

        @Override
        public String toString() {
            // The link is a credential: never in a log line, not even by accident.
            return "AccountEmailRequest[tenantId=" + tenantId + ", kind=" + kind + ", requestId=" + requestId + "]";
        }
    }

    public record AccountEmailAccepted(@Schema(example = "accepted") String status) {
    }

    @Operation(summary = "Send an account email (services only)")
    @PostMapping("/api/internal/account-emails")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public AccountEmailAccepted send(Caller caller, @Valid @RequestBody AccountEmailRequest request) {
        // A set-password or reset email in the platform's name is the gateway's to send: only its own key can sign
        // the subject "gateway", so another service, compromised or not, cannot mail links of its making.
        if (!GATEWAY.equals(caller.subject())) {
            throw ProblemException.forbidden("Only the gateway sends account emails.");
        }
        if (!caller.tenantId().equals(request.tenantId())) {
            throw invalid("tenantId", "The tenant is not the caller's.");
        }
        if (!isWebLink(request.link())) {
            throw invalid("link", "The link must be an http(s) URL.");
        }
        if (!request.expiresAt().isAfter(clock.instant())) {
            throw invalid("expiresAt", "The link has expired already.");
        }
        EmailMessage email = emails.compose(request.kind() == AccountEmailKind.USER_INVITE, request.to(),
                request.link(), request.expiresAt());
        String eventId = request.requestId() != null ? request.requestId()
                : UUID.randomUUID().toString();
        try {
            Outcome outcome = dispatcher.send(new NewDelivery(request.tenantId(), eventId, "Account" + request.kind(),
                    DeliveryKind.valueOf(request.kind().name()), email.to(),
                    email.subject(), "account"), clock.instant(), email);
            return new AccountEmailAccepted(outcome.name());
        } catch (NonRetryableEventException e) {
            throw invalid("to", "The email cannot be sent to this address.");
        }
    }

    private static ProblemException invalid(String field, String detail) {
        return ProblemException.badRequest("invalid-request", detail).with("field", field);
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = URI.create(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
