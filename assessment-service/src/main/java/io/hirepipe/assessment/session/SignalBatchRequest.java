package io.hirepipe.assessment.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Signals the browser collected since its last send, oldest first. */
public record SignalBatchRequest(@NotNull @NotEmpty @Size(max = SignalBatchRequest.MAX) List<@NotNull @Valid SignalRequest> signals) {

    public static final int MAX = 100;
}
