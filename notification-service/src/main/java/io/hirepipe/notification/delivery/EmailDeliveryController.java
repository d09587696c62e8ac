package io.hirepipe.notification.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.hirepipe.defaults.security.Caller;
import io.hirepipe.defaults.web.Cursor;
import io.hirepipe.defaults.web.Page;
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

    /**
     * Newest first, paged by cursor like every list, so a log longer than one page can be read whole.
     *
     * @param status only the emails in this state (FAILED: what is failing); an unknown state is a 400
     */
    @Operation(summary = "List the emails sent lately (delivery log)")
    @GetMapping("/emails")
    public Page<EmailDeliveryView> emails(
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit, Caller caller) {
        return Page.of(deliveries.list(caller.tenantId(), status, Cursor.decode(cursor), limit + 1), limit,
                        d -> new Cursor(d.createdAt(), d.id()).encode())
                .map(EmailDeliveryView::of);
    }
}
