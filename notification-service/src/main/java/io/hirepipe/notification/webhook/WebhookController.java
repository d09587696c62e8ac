package io.hirepipe.notification.webhook;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.defaults.audit.AuditEvents;
import io.hirepipe.defaults.audit.AuditOutbox;
import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.security.CallerKind;
import io.hirepipe.defaults.security.GrantedScopes;
import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.Items;
import io.hirepipe.defaults.web.Page;
import io.hirepipe.defaults.web.Refusal;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The tenant's webhook subscriptions and their delivery log. Recruiters and platform keys of the
 * tenant only; another tenant's ids are not found.
 */
@Tag(name = "Webhooks")
@RestController
@RequestMapping("/api/notifications/webhooks")
@PreAuthorize("hasAnyRole('ADMIN','PLATFORM')")
@Validated
public class WebhookController {

    static final int MAX_LIMIT = 200;

    private final WebhookSubscriptions subscriptions;
    private final WebhookFanout fanout;
    private final DeliveryQueue queue;
    private final WebhookDispatcher dispatcher;
    private final AuditOutbox audit;
    private final Clock clock;

    public WebhookController(WebhookSubscriptions subscriptions, WebhookFanout fanout, DeliveryQueue queue,
                             WebhookDispatcher dispatcher, AuditOutbox audit, Clock clock) {
        this.subscriptions = subscriptions;
        this.fanout = fanout;
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The audit entry of a change to a subscription, stored for the outbox relay right after the change.
     * Only the URL's host goes into it: a path or query may hold a receiver's token.
     */
    private void audited(Caller caller, String action, String subscriptionId, Map<String, String> details) {
        audit.record(AuditEvents.success(caller, action, "webhook-subscription", subscriptionId, details,
                clock.instant()));
    }

    /**
     * An API key subscribes only to events whose data it may read: {@code webhooks:manage} manages the endpoints,
     * and a delivery of {@code assessment.scored} carries a score as {@code GET /results} would. People need no scope
     * (only administrators get here). Unknown event types are left to the request's own validation.
     */
    private static void requireReadScopes(Caller caller, SubscriptionRequest request) {
        if (!caller.is(CallerKind.PLATFORM)) {
            return;
        }
        GrantedScopes granted = GrantedScopes.current();
        for (String name : request.eventTypes()) {
            WebhookEventType.requested(name).map(WebhookEventType::readScope)
                    .filter(scope -> !granted.has(scope))
                    .ifPresent(scope -> {
                        throw GrantedScopes.missing(scope, "This API key lacks the scope '" + scope.value()
                                + "', which a subscription to '" + name.strip() + "' needs: its deliveries carry what that "
                                + "scope reads.");
                    });
        }
    }

    private static String hostOf(String url) {
        return WebhookSubscription.hostOf(url);
    }

    /** The response is the only time the secret is shown. */
    @Refusal(status = 409, type = "too-many-webhooks",
            detail = "A tenant may have at most 20 webhook subscriptions; delete one first.")
    @Refusal(status = 409, type = "concurrent-modification",
            detail = "Other webhook subscriptions of this tenant are being created right now, up to its limit of 20; "
                    + "retry the request.")
    @Operation(summary = "Subscribe an endpoint to webhooks")
    @PostMapping
    @ApiResponse(responseCode = "201", description = "The subscription, created, with its signing secret (shown this once); Location names it", useReturnTypeSchema = true)
    public ResponseEntity<SubscriptionView> create(Caller caller, @Valid @RequestBody SubscriptionRequest request) {
        requireReadScopes(caller, request);
        SubscriptionView created = subscriptions.create(caller, request);
        audited(caller, "webhook.created", created.id(), Map.of("host", hostOf(created.url()),
                "eventTypes", String.join(" ", created.eventTypes())));
        return ResponseEntity.created(URI.create("/api/notifications/webhooks/" + created.id())).body(created);
    }

    @Operation(summary = "List webhook subscriptions")
    @GetMapping
    public Items<SubscriptionView> list(Caller caller) {
        return Items.of(subscriptions.list(caller));
    }

    @Operation(summary = "Get a webhook subscription")
    @GetMapping("/{id}")
    public SubscriptionView get(Caller caller, @PathVariable String id) {
        return SubscriptionView.of(subscriptions.get(caller, id), clock.instant());
    }

    @Operation(summary = "Change a webhook subscription")
    @PutMapping("/{id}")
    public SubscriptionView update(Caller caller, @PathVariable String id,
                                   @Valid @RequestBody SubscriptionRequest request) {
        requireReadScopes(caller, request);
        SubscriptionView updated = subscriptions.update(caller, id, request);
        audited(caller, "webhook.updated", id, Map.of("host", hostOf(updated.url()),
                "eventTypes", String.join(" ", updated.eventTypes()), "enabled", String.valueOf(updated.enabled())));
        return updated;
    }

    @Operation(summary = "Delete a webhook subscription")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Caller caller, @PathVariable String id) {
        subscriptions.delete(caller, id);
        audited(caller, "webhook.deleted", id, Map.of());
    }

    /** The new secret, shown once; the previous one signs too until {@code previousSecretExpiresAt}. */
    @Refusal(status = 409, type = "concurrent-modification",
            detail = "Webhook subscription 'whk_3f2a9c' is having its secret rotated by another request right now; "
                    + "retry the request.")
    @Operation(summary = "Rotate a subscription's signing secret")
    @PostMapping("/{id}/rotate-secret")
    public SubscriptionView rotateSecret(Caller caller, @PathVariable String id) {
        SubscriptionView rotated = subscriptions.rotateSecret(caller, id);
        audited(caller, "webhook.secret-rotated", id, Map.of());
        return rotated;
    }

    /** Queues a {@code webhook.test} delivery; its outcome shows in the delivery log. */
    @Refusal(status = 409, type = "webhook-disabled",
            detail = "Webhook subscription 'whk_3Jd8Ks2Pq6Nc9Wr' is disabled; enable it before pinging it.")
    @Operation(summary = "Send a test event (ping)")
    @PostMapping("/{id}/ping")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public DeliveryView ping(Caller caller, @PathVariable String id) {
        WebhookSubscription subscription = subscriptions.get(caller, id);
        if (!subscription.enabled()) {
            throw ProblemException.conflict("webhook-disabled", "Webhook subscription '" + id
                    + "' is disabled; enable it before pinging it.");
        }
        return DeliveryView.of(fanout.ping(subscription), null);
    }

    /**
     * Newest first, with status code, latency and attempt count, paged by cursor: after an outage there are more
     * deliveries than one page holds, and a receiver catching up must be able to see every one.
     */
    @Operation(summary = "List a subscription's deliveries")
    @GetMapping("/{id}/deliveries")
    public Page<DeliveryView> deliveries(Caller caller, @PathVariable String id,
                                         @RequestParam(required = false) WebhookDelivery.Status status,
                                         @RequestParam(required = false) String cursor,
                                         @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_LIMIT) int limit) {
        Cursor after = Cursor.decode(cursor);
        subscriptions.get(caller, id);
        return Page.of(queue.recent(caller.tenantId(), id, status, after, limit + 1), limit,
                        d -> new Cursor(d.createdAt(), d.id()).encode())
                .map(d -> DeliveryView.of(d, null));
    }

    @Operation(summary = "Get one delivery with its attempts")
    @GetMapping("/{id}/deliveries/{deliveryId}")
    public DeliveryView delivery(Caller caller, @PathVariable String id, @PathVariable String deliveryId) {
        subscriptions.get(caller, id);
        WebhookDelivery delivery = queue.find(caller.tenantId(), id, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("Webhook delivery", deliveryId));
        return DeliveryView.of(delivery, queue.attempts(caller.tenantId(), deliveryId));
    }

    /** Sends a delivery again with the same webhook-id (receivers that deduped it keep ignoring it). */
    @Refusal(status = 409, type = "webhook-disabled",
            detail = "Webhook subscription 'whk_3Jd8Ks2Pq6Nc9Wr' is disabled; enable it before redelivering.")
    @Operation(summary = "Deliver one event again")
    @ApiResponse(responseCode = "202", description = "Due again now; queued is false when an attempt was already waiting or in flight",
            content = @Content(schema = @Schema(type = "object",
                    example = "{\"deliveryId\": \"msg_5f0c2a7e9b1d4c3a8e6f2b9d0a7c4e1f\", \"queued\": true}")))
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> redeliver(Caller caller, @PathVariable String id, @PathVariable String deliveryId) {
        requireEnabled(subscriptions.get(caller, id));
        queue.find(caller.tenantId(), id, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("Webhook delivery", deliveryId));
        boolean queued = queue.redeliver(caller.tenantId(), id, deliveryId, clock.instant());
        dispatcher.wake();
        audited(caller, "webhook.replayed", id, Map.of("deliveryId", deliveryId, "queued", String.valueOf(queued)));
        return Map.of("deliveryId", deliveryId, "queued", queued);
    }

    /** Every FAILED delivery created since {@code since} is sent again. */
    @Refusal(status = 409, type = "webhook-disabled",
            detail = "Webhook subscription 'whk_3Jd8Ks2Pq6Nc9Wr' is disabled; enable it before redelivering.")
    @Operation(summary = "Deliver all failed events since a time again")
    @ApiResponse(responseCode = "202", description = "How many failed deliveries were queued again",
            content = @Content(schema = @Schema(type = "object", example = "{\"queued\": 4}")))
    @PostMapping("/{id}/deliveries/redeliver-failed")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> redeliverFailed(Caller caller, @PathVariable String id,
                                               @Valid @RequestBody RedeliverFailedRequest request) {
        requireEnabled(subscriptions.get(caller, id));
        long queued = queue.redeliverFailedSince(caller.tenantId(), id, request.since(), clock.instant());
        dispatcher.wake();
        audited(caller, "webhook.replayed", id, Map.of("failedSince", request.since().toString(),
                "queued", String.valueOf(queued)));
        return Map.of("queued", queued);
    }

    private static void requireEnabled(WebhookSubscription subscription) {
        if (!subscription.enabled()) {
            throw ProblemException.conflict("webhook-disabled", "Webhook subscription '" + subscription.id()
                    + "' is disabled; enable it before redelivering.");
        }
    }

    public record RedeliverFailedRequest(@NotNull Instant since) {
    }
}
