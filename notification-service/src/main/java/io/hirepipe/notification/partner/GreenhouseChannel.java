package io.hirepipe.notification.partner;

import io.hirepipe.notification.mail.InvitationLinks;
import io.hirepipe.notification.webhook.DeliveryChannel;
import io.hirepipe.notification.webhook.SsrfGuard;
import io.hirepipe.notification.webhook.UnsafeUrlException;
import io.hirepipe.notification.webhook.WebhookDelivery;
import io.hirepipe.notification.webhook.WebhookSender;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Greenhouse's "PATCH Completed Test": a PATCH without a body to the {@code url} Greenhouse gave in
 * {@code send_test}, with HTTP Basic (the tenant's API key as user name, empty password) as in
 * Greenhouse's documentation; Greenhouse then reads {@code test_status}. Before every attempt the
 * URL must still be on the Greenhouse allow-list and pass the SSRF guard; redirects are never followed.
 */
@Component
class GreenhouseChannel implements DeliveryChannel {

    static final String NAME = "greenhouse";
    static final String PARTNER = "greenhouse";
    static final String TYPE = "greenhouse.test_completed";
    private static final String KEY_PREFIX = "greenhouse:";

    private final PartnerCallbackStore callbacks;
    private final GreenhouseCallbackProperties properties;
    private final SsrfGuard guard;
    private final InvitationLinks sealed;
    private final WebhookSender sender;

    GreenhouseChannel(PartnerCallbackStore callbacks, GreenhouseCallbackProperties properties, SsrfGuard guard,
                      InvitationLinks sealed, WebhookSender sender) {
        this.callbacks = callbacks;
        this.properties = properties;
        this.guard = guard;
        this.sealed = sealed;
        this.sender = sender;
    }

    static String keyOf(String invitationId) {
        return KEY_PREFIX + invitationId;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WebhookSender.Result send(WebhookDelivery delivery) {
        String invitationId = delivery.subscriptionId().substring(KEY_PREFIX.length());
        Optional<PartnerCallback> callback = callbacks.find(delivery.tenantId(), invitationId);
        if (callback.isEmpty() || callback.get().callbackUrl() == null) {
            return refused("no Greenhouse callback is known for invitation " + invitationId);
        }
        URI url;
        try {
            url = guard.check(callback.get().callbackUrl());
        } catch (UnsafeUrlException refused) {
            return refused("refused by the SSRF guard: the URL " + refused.getMessage());
        }
        if (!properties.allows(url.getHost())) {
            return refused("refused: " + url.getHost() + " is not a configured Greenhouse host");
        }
        String authorization;
        try {
            authorization = basic(callback.get().sealedCallbackKey());
        } catch (InvitationLinks.UnopenableLinkException e) {
            return refused("the stored Greenhouse key cannot be opened with this service's key");
        }
        return sender.patch(url, authorization);
    }

    /** {@code Basic base64(key + ":")}, as Greenhouse sends and expects; none when the tenant stored no key. */
    private String basic(String sealedKey) {
        if (sealedKey == null || sealedKey.isBlank()) {
            return null;
        }
        String key = sealed.open(sealedKey);
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static WebhookSender.Result refused(String why) {
        return new WebhookSender.Result(null, 0, "Not sent: " + why);
    }
}
