package io.hirepipe.notification.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Items;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's tenant's email log: what was sent to whom, and what is failing. */
@Tag(name = "Emails")
@RestController
@RequestMapping("/api/notifications")
@PreAuthorize("hasAnyRole('VIEWER','PLATFORM')")
@Validated
public class EmailDeliveryController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final DeliveryLog deliveries;

    public EmailDeliveryController(DeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    /** @param status only the emails in this state (FAILED: what is failing); an unknown state is a 400 */
    @Operation(summary = "List the emails sent lately (delivery log)")
    @GetMapping("/emails")
    public Items<EmailDeliveryView> emails(
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit, Caller caller) {
        return Items.of(deliveries.list(caller.tenantId(), status, limit).stream().map(EmailDeliveryView::of)
                .toList());
    }
}
