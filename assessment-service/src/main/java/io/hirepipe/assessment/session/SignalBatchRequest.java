package io.hirepipe.assessment.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Signals the browser collected since its last send, oldest first. The size check names only its maximum: its default
 * words, "between 0 and 100", would offer an empty batch, which {@code @NotEmpty} refuses.
 */
public record SignalBatchRequest(@NotNull @NotEmpty @Size(max = SignalBatchRequest.MAX, message = "must have at most {max} entries")
                                 List<@NotNull @Valid SignalRequest> signals) {

    public static final int MAX = 100;
}
