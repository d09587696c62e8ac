package io.hirepipe.notification.webhook;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.notification.webhook.WebhookSubscription.StoredSecret;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** What recruiters and platform clients do with their tenant's subscriptions. */
@Service
public class WebhookSubscriptions {

    /** Rotations racing this one are rare and brief; a few re-reads settle them. */
    private static final int ROTATE_ATTEMPTS = 5;
    /** Creates racing for the tenant's last places back off and retry; a few rounds, further apart each, settle them. */
    private static final int CREATE_ATTEMPTS = 5;

    private final SubscriptionStore store;
    private final DeliveryQueue queue;
    private final SecretCipher cipher;
    private final SsrfGuard guard;
    private final TenantContacts contacts;
    private final WebhookProperties properties;
    private final Clock clock;

    public WebhookSubscriptions(SubscriptionStore store, DeliveryQueue queue, SecretCipher cipher, SsrfGuard guard,
                                TenantContacts contacts, WebhookProperties properties, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.cipher = cipher;
        this.guard = guard;
        this.contacts = contacts;
        this.properties = properties;
        this.clock = clock;
    }

    public SubscriptionView create(Caller caller, SubscriptionRequest request) {
        String url = checkedUrl(request.url());
        List<String> types = checkedTypes(request.eventTypes());
        Instant now = now();
        contacts.remember(caller.tenantId(), caller.email(), now);
        String id = "whk_" + UUID.randomUUID().toString().replace("-", "");
        String secret = WebhookSigner.newSecret();
        WebhookSubscription subscription = new WebhookSubscription(id, caller.tenantId(), url, types,
                blankToNull(request.description()), !Boolean.FALSE.equals(request.enabled()), null, null,
                List.of(new StoredSecret(cipher.encrypt(secret, id), now, null)), now, now, null, null,
                request.alertEmail() == null || request.alertEmail().isBlank() ? blankToNull(caller.email())
                        : request.alertEmail().strip());
        for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
            if (store.count(caller.tenantId()) >= properties.maxSubscriptionsPerTenant()) {
                throw tooMany();
            }
            WebhookSubscription created = store.insert(subscription);
            // Counted again once stored, as creates at once all passed the count above: each that now finds the tenant
            // over the limit takes its own back. The last of them to count sees every one stored, so the tenant never
            // ends up over the limit; those that took theirs back try again, a moment apart, for any room left.
            if (store.count(caller.tenantId()) <= properties.maxSubscriptionsPerTenant()) {
                return SubscriptionView.withSecret(created, now, secret);
            }
            store.delete(caller.tenantId(), id);
            pauseBeforeRetrying(attempt);
        }
        throw ProblemException.conflict("concurrent-modification", "Other webhook subscriptions of this tenant are "
                + "being created right now, up to its limit of " + properties.maxSubscriptionsPerTenant()
                + "; retry the request.");
    }

    private static void pauseBeforeRetrying(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 30) << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating a webhook subscription", e);
        }
    }

    private ProblemException tooMany() {
        return ProblemException.conflict("too-many-webhooks", "A tenant may have at most "
                + properties.maxSubscriptionsPerTenant() + " webhook subscriptions; delete one first.");
    }

    public List<SubscriptionView> list(Caller caller) {
        Instant now = now();
        return store.list(caller.tenantId()).stream().map(s -> SubscriptionView.of(s, now)).toList();
    }

    public WebhookSubscription get(Caller caller, String id) {
        return store.find(caller.tenantId(), id).orElseThrow(() -> ProblemException.notFound("Webhook subscription", id));
    }

    public SubscriptionView update(Caller caller, String id, SubscriptionRequest request) {
        String url = checkedUrl(request.url());
        List<String> types = checkedTypes(request.eventTypes());
        Instant now = now();
        Update update = new Update().set("url", url).set("eventTypes", types)
                .set("description", blankToNull(request.description()));
        if (request.alertEmail() != null && !request.alertEmail().isBlank()) {
            update.set("alertEmail", request.alertEmail().strip());
        }
        if (Boolean.TRUE.equals(request.enabled())) {
            update.set("enabled", true).set("disabledReason", null).set("disabledAt", null).set("failingSince", null);
        } else if (Boolean.FALSE.equals(request.enabled())) {
            update.set("enabled", false).set("disabledReason", "Disabled through the API").set("disabledAt", now);
        }
        WebhookSubscription updated = store.update(caller.tenantId(), id, update, now)
                .orElseThrow(() -> ProblemException.notFound("Webhook subscription", id));
        if (!updated.enabled()) {
            queue.failPending(id, "The subscription is disabled");
        }
        return SubscriptionView.of(updated, now);
    }

    public void delete(Caller caller, String id) {
        if (!store.delete(caller.tenantId(), id)) {
            throw ProblemException.notFound("Webhook subscription", id);
        }
        queue.failPending(id, "The subscription was deleted");
    }

    /**
     * A new current secret; the previous one keeps signing (both signatures in the header) until
     * the overlap ends, so receivers can roll their configuration without a gap. Rotations at once
     * (a client retrying one whose answer it lost) apply one after the other, as if sent so: each
     * secret handed out is stored, and one never overwrites another's.
     */
    public SubscriptionView rotateSecret(Caller caller, String id) {
        String secret = WebhookSigner.newSecret();
        String encrypted = cipher.encrypt(secret, id);
        for (int attempt = 0; attempt < ROTATE_ATTEMPTS; attempt++) {
            WebhookSubscription subscription = get(caller, id);
            Instant now = now();
            Instant overlapEnds = now.plus(properties.rotationOverlap());
            List<StoredSecret> secrets = new ArrayList<>();
            secrets.add(new StoredSecret(encrypted, now, null));
            for (StoredSecret old : subscription.signingSecrets(now)) {
                Instant ends = old.expiresAt() == null || old.expiresAt().isAfter(overlapEnds) ? overlapEnds
                        : old.expiresAt();
                secrets.add(new StoredSecret(old.encrypted(), old.createdAt(), ends));
            }
            Optional<WebhookSubscription> rotated = store.replaceSecrets(subscription, secrets, now);
            if (rotated.isPresent()) {
                return SubscriptionView.withSecret(rotated.get(), now, secret);
            }
        }
        throw ProblemException.conflict("concurrent-modification", "Webhook subscription '" + id
                + "' is having its secret rotated by another request right now; retry the request.");
    }

    private String checkedUrl(String url) {
        try {
            return guard.check(url.strip()).toString();
        } catch (UnsafeUrlException refused) {
            throw invalid("url", "The webhook URL " + refused.getMessage());
        }
    }

    private static List<String> checkedTypes(List<String> requested) {
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i).strip();
            if (WebhookEventType.requested(type).isEmpty()) {
                throw invalid("eventTypes[" + i + "]", "Unknown event type '" + type + "'; known types: "
                        + String.join(", ", WebhookEventType.wireNames()));
            }
            types.add(type);
        }
        return List.copyOf(types);
    }

    static ProblemException invalid(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", field + ": " + message)
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** At the precision MongoDB stores, so a response shows the same instants a later read does. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
